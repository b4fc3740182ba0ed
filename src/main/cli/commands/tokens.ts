import { delimiter } from 'node:path';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index';
import { describeTokenFailure } from '../token-failure';
import { configuredModules } from '../../desk/tokens/module-paths';
import { nodeTokenWorkerLauncher } from '../../desk/tokens/node-launcher';
import {
  openTokenService,
  type SlowNotice,
  type TokenCertificate,
  type TokenList,
  type TokenService,
  type TokenSummary,
} from '../../desk/tokens/token-service';
import { cliText } from '../text';

/** Exit codes, documented in docs/signing.md. */
export const tokensExit = { done: 0, usage: 2, token: 4 } as const;

const say = (key: MessageKey, params?: MessageParams) => process.stdout.write(`${cliText(key, params)}\n`);
const day = (date: Date) => date.toISOString().slice(0, 10);

interface TokensArgs {
  modules: string[];
  json: boolean;
}

function parseArgs(argv: readonly string[]): TokensArgs | null {
  const args: TokensArgs = { modules: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--json') args.json = true;
    else if (argv[i] === '--module' && value !== undefined) {
      args.modules.push(value);
      i++;
    } else {
      process.stderr.write(`${cliText('tokens.cli.badOption', { option: argv[i]! })}\n`);
      return null;
    }
  }
  return args;
}

/** The modules from --module, else the vendors' modules installed here and DESPACHO_PKCS11_MODULES. */
function modulesFor(args: TokensArgs): string[] {
  if (args.modules.length > 0) return args.modules;
  const added = (process.env.DESPACHO_PKCS11_MODULES ?? '').split(delimiter).filter(Boolean);
  return configuredModules(added);
}

async function printJson(service: TokenService, list: TokenList): Promise<void> {
  const tokens = [];
  for (const token of list.tokens) {
    const certificates = (await service.listCertificates(token)).map(({ der, ...certificate }) => ({
      ...certificate,
      der: Buffer.from(der).toString('base64'),
    }));
    tokens.push({ ...token, certificates });
  }
  process.stdout.write(`${JSON.stringify({ modules: list.modules, tokens }, null, 2)}\n`);
}

async function printText(service: TokenService, list: TokenList): Promise<void> {
  for (const module of list.modules) {
    say(`tokens.cli.module.${module.status}`, {
      path: module.path,
      description: module.description ?? '',
      manufacturer: module.manufacturer ?? '',
    });
    for (const token of list.tokens.filter((candidate) => candidate.module === module.path))
      await printToken(service, token);
  }
  if (list.tokens.length === 0) say('tokens.cli.noTokens');
}

function printCertificate(certificate: TokenCertificate, now: Date): void {
  const none = cliText('tokens.cli.none');
  const { holder } = certificate;
  say('tokens.cli.certificate', {
    label: certificate.label,
    id: certificate.id,
    name: holder.name,
    nif: holder.nif ?? none,
  });
  say('tokens.cli.certificateOrganization', {
    organization: holder.organization ?? none,
    position: holder.position ?? none,
  });
  say('tokens.cli.certificateIssuer', {
    issuer: certificate.issuer,
    from: day(certificate.notBefore),
    to: day(certificate.notAfter),
    keyType: certificate.keyType,
  });
  say('tokens.cli.certificateUsage', { usage: certificate.keyUsage?.join(', ') ?? none });
  if (certificate.keyUsage && !certificate.keyUsage.includes('nonRepudiation'))
    say('tokens.cli.certificateNoRepudiation');
  if (certificate.notAfter < now) say('tokens.cli.certificateExpired');
}

async function printToken(service: TokenService, token: TokenSummary): Promise<void> {
  say('tokens.cli.token', {
    label: token.label,
    manufacturer: token.manufacturer,
    model: token.model,
    serial: token.serial,
    slot: token.slotId,
    slotDescription: token.slotDescription,
  });
  say(`tokens.cli.pin.${token.pin}`);
  if (token.pinPad) say('tokens.cli.pinPad');
  const now = new Date();
  for (const certificate of await service.listCertificates(token)) printCertificate(certificate, now);
}

/**
 * "The card is slow to answer", said as soon as the service says it, on stderr: stdout belongs to
 * the listing (and to `--json`). `despacho sign` says it too.
 */
export function printSlowCard(notice: SlowNotice): void {
  if (notice.state !== 'slow') return;
  const doing = cliText(`tokens.doing.${notice.operation}`);
  const line =
    notice.token !== undefined
      ? cliText('tokens.slow.card', { token: notice.token, doing })
      : cliText('tokens.slow.module', { module: notice.modules.join(', '), doing });
  process.stderr.write(`${line}\n`);
}

/** `despacho tokens [--module PATH]... [--json]`: the modules, the cards in them and their certificates. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(`${cliText('tokens.cli.usage')}\n`);
    return tokensExit.usage;
  }
  const modules = modulesFor(args);
  if (modules.length === 0) {
    process.stderr.write(`${cliText('tokens.cli.noModules')}\n`);
    return tokensExit.token;
  }
  const service = openTokenService({ launch: nodeTokenWorkerLauncher(), modules });
  service.onSlow(printSlowCard);
  try {
    const list = await service.listTokens();
    await (args.json ? printJson : printText)(service, list);
    return tokensExit.done;
  } catch (error) {
    const failure = describeTokenFailure(error);
    process.stderr.write(`${cliText(failure.key, failure.params)}\n`);
    return tokensExit.token;
  } finally {
    await service.close();
  }
}
