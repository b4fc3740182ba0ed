import { dataDirOption, parseOptions } from '../../office/cli-support';
import { reportOfficeFailure } from '../office-failure';
import { openOfficeStore } from '../../compose/office-store';
import { verifyAuditChain } from '../../office/store/audit';
import { appliedMigrations } from '../../office/store/migrate';
import type { Store } from '../../office/store/open-store';
import { cliText } from '../text';

/** The store is opened (and so migrated) before a subcommand runs; `applied` is what that did. */
async function migrateCommand(store: Store, path: string, applied: readonly string[]): Promise<number> {
  process.stdout.write(
    `${
      applied.length > 0
        ? cliText('office.db.migrated', { path, applied: applied.join(', ') })
        : cliText('office.db.upToDate', { path, count: (await appliedMigrations(store)).length })
    }\n`,
  );
  return 0;
}

async function verifyAuditCommand(store: Store): Promise<number> {
  const result = await verifyAuditChain(store.db);
  if (result.ok) {
    process.stdout.write(`${cliText('office.audit.intact', { rows: result.rows, head: result.head })}\n`);
    return 0;
  }
  process.stderr.write(
    `${cliText('office.audit.broken', {
      seq: result.brokenAt,
      rows: result.rows,
      reason: cliText(`office.audit.reason.${result.reason}`),
    })}\n`,
  );
  return 1;
}

const subcommands = { migrate: migrateCommand, 'verify-audit': verifyAuditCommand } as const;

/** `despacho db migrate|verify-audit [--data DIR]`: exit 0 done, 1 audit broken or store refused, 2 usage. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--data']);
  const [name, ...extra] = 'bad' in parsed ? [] : parsed.positional;
  if ('bad' in parsed || !name || extra.length > 0 || !Object.hasOwn(subcommands, name)) {
    if ('bad' in parsed) process.stderr.write(`${cliText('office.cli.badOption', { option: parsed.bad })}\n`);
    process.stderr.write(`${cliText('office.cli.dbUsage')}\n`);
    return 2;
  }
  const dataDir = dataDirOption(parsed.options);
  let store: Store | null = null;
  try {
    let applied: readonly string[] = [];
    store = await openOfficeStore({ kind: 'pglite', dataDir }, { onMigrated: (done) => (applied = done) });
    return await subcommands[name as keyof typeof subcommands](store, dataDir, applied);
  } catch (error) {
    return reportOfficeFailure(error);
  } finally {
    await store?.close();
  }
}
