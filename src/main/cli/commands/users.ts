import { maskNif } from '../../../shared/domain/nif-mask';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { changeStaffMember, listStaff, type StaffChange, type StaffMember } from '../../office/staff';
import type { Store } from '../../office/store/open-store';
import { onDataFolder } from '../data-folder';
import { cliText } from '../text';

/** Exit codes (README): 0 done, 1 refused (unknown person, NIF not valid or another's) or store failure, 2 usage. */
export const usersExit = { done: 0, refused: 1, usage: 2 } as const;

function memberLine(member: StaffMember): string {
  return cliText('office.users.line', {
    id: member.id,
    name: member.name,
    department: member.departmentName,
    roles: member.roles.join(', '),
    nif: member.nif ? maskNif(member.nif) : cliText('office.users.noNif'),
    state: cliText(member.active ? 'office.users.active' : 'office.users.inactive'),
  });
}

async function list(store: Store): Promise<number> {
  const staff = await listStaff(store.db);
  process.stdout.write(`${staff.map(memberLine).join('\n')}\n`);
  return usersExit.done;
}

async function change(store: Store, userId: string, wanted: StaffChange): Promise<number> {
  const outcome = await changeStaffMember(store.db, userId, wanted, new Date());
  if (!outcome.ok) {
    process.stderr.write(
      `${cliText(`office.users.refused.${outcome.reason}`, { id: userId, holder: outcome.holder ?? '' })}\n`,
    );
    return usersExit.refused;
  }
  const done = outcome.changed ? 'office.users.changed' : 'office.users.unchanged';
  process.stdout.write(`${cliText(done, { line: memberLine(outcome.member) })}\n`);
  return usersExit.done;
}

/** What each subcommand takes after its name, and the change it makes. */
const subcommands: Record<string, { arity: number; run: (store: Store, args: string[]) => Promise<number> }> =
  {
    list: { arity: 0, run: (store) => list(store) },
    'set-nif': { arity: 2, run: (store, [id, nif]) => change(store, id!, { kind: 'nif', nif: nif! }) },
    'clear-nif': { arity: 1, run: (store, [id]) => change(store, id!, { kind: 'nif', nif: null }) },
    activate: { arity: 1, run: (store, [id]) => change(store, id!, { kind: 'active', active: true }) },
    deactivate: { arity: 1, run: (store, [id]) => change(store, id!, { kind: 'active', active: false }) },
  };

/**
 * `despacho users list | set-nif USER NIF | clear-nif USER | activate USER | deactivate USER
 * [--data DIR]`: the administrator's view of the staff, and the NIF the office checks each signer's
 * certificate against (no NIF on record, no signature).
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--data']);
  const [name = '', ...args] = 'bad' in parsed ? [] : parsed.positional;
  const subcommand = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if ('bad' in parsed || !subcommand || args.length !== subcommand.arity) {
    if ('bad' in parsed) process.stderr.write(`${cliText('office.cli.badOption', { option: parsed.bad })}\n`);
    process.stderr.write(`${cliText('office.users.usage')}\n`);
    return usersExit.usage;
  }
  return onDataFolder(dataDirOption(parsed.options), usersExit.refused, (store) =>
    subcommand.run(store, args),
  );
}
