import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index';
import type { BatchFailure, BatchOutcome } from '../../desk/signing/batch';
import type { EarlierSignatureCheck } from '../../desk/signing/earlier-signatures';
import type { FailureKind } from '../../desk/signing/errors';
import type { PdfSigningOptions, VisibleSignature } from '../../desk/signing/sign-pdf';
import type { HashAlgorithm } from '../../desk/signing-session';
import { cardKey } from '../../desk/tokens/card-key';
import { startEarly } from '../../desk/tokens/head-start';
import { nodeTokenWorkerLauncher } from '../../desk/tokens/node-launcher';
import type { KeySelector } from '../../desk/tokens/protocol';
import { cliText } from '../text';

/**
 * The code that signs, loaded only once the arguments are good and the token worker is starting:
 * the two load side by side (the worker is a process of its own).
 */
const loadSigning = async () => {
  const [batch, tokenService, tokensCommand] = await Promise.all([
    import('../../desk/signing/batch'),
    import('../../desk/tokens/token-service'),
    import('./tokens'),
  ]);
  return {
    signBatch: batch.signBatch,
    openTokenService: tokenService.openTokenService,
    printSlowCard: tokensCommand.printSlowCard,
  };
};

/** The verifier is loaded only for a document that already carries signatures. */
const earlierSignatureStates: EarlierSignatureCheck = async (path) =>
  (await import('../../desk/verify/earlier-signatures')).earlierSignatureStates(path);

/** Exit codes, documented in docs/signing.md. */
export const signExit = { done: 0, failed: 1, usage: 2, refused: 3, token: 4, tsa: 5, partial: 6 } as const;

const valueOptions = [
  '--module',
  '--token',
  '--key',
  '--cert-id',
  '--tsa',
  '--visible',
  '--reason',
  '--resolution',
  '--csv',
  '--verify-url',
  '--out',
  '--hash',
  '--field',
] as const;
type ValueOption = (typeof valueOptions)[number];

interface SignArgs {
  values: Partial<Record<ValueOption, string>>;
  pinStdin: boolean;
  confirmFinalTry: boolean;
  rsaPss: boolean;
  files: string[];
}

class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

function parseArgs(argv: readonly string[]): SignArgs {
  const parsed: SignArgs = { values: {}, pinStdin: false, confirmFinalTry: false, rsaPss: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pin-stdin') parsed.pinStdin = true;
    else if (arg === '--confirm-final-try') parsed.confirmFinalTry = true;
    else if (arg === '--rsa-pss') parsed.rsaPss = true;
    else if ((valueOptions as readonly string[]).includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('signing.cli.badOption', { option: arg });
      parsed.values[arg as ValueOption] = value;
    } else if (arg.startsWith('--')) throw new UsageError('signing.cli.badOption', { option: arg });
    else parsed.files.push(arg);
  }
  const { values } = parsed;
  if (
    !values['--module'] ||
    !values['--token'] ||
    !values['--out'] ||
    parsed.files.length === 0 ||
    (values['--key'] === undefined) === (values['--cert-id'] === undefined)
  ) {
    throw new UsageError('signing.cli.signUsage');
  }
  if (values['--cert-id'] !== undefined && !/^([0-9a-fA-F]{2})+$/.test(values['--cert-id']))
    throw new UsageError('signing.cli.badOption', { option: `--cert-id ${values['--cert-id']}` });
  if (values['--hash'] !== undefined && !['SHA-256', 'SHA-384', 'SHA-512'].includes(values['--hash']))
    throw new UsageError('signing.cli.badOption', { option: `--hash ${values['--hash']}` });
  if (!parsed.pinStdin) throw new UsageError('signing.cli.pinRequired');
  return parsed;
}

function parseVisible(spec: string, values: SignArgs['values']): VisibleSignature {
  const parts = spec.split(',').map(Number);
  if (
    parts.length !== 5 ||
    parts.some((part) => !Number.isFinite(part)) ||
    !Number.isInteger(parts[0]) ||
    parts[3]! <= 0 ||
    parts[4]! <= 0
  ) {
    throw new UsageError('signing.cli.badVisible');
  }
  const [page, x, y, width, height] = parts as [number, number, number, number, number];
  const text = {
    ...(values['--resolution'] ? { resolutionNumber: values['--resolution'] } : {}),
    ...(values['--csv'] ? { csv: values['--csv'] } : {}),
    ...(values['--verify-url'] ? { verificationUrl: values['--verify-url'] } : {}),
  };
  return { page, x, y, width, height, text };
}

/** The PIN comes from stdin only; the buffer is wiped once the string is handed over. */
async function readPin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const pin = raw.toString('utf8').replace(/\r?\n$/, '');
  raw.fill(0);
  chunks.forEach((chunk) => chunk.fill(0));
  if (pin.length === 0) throw new UsageError('signing.cli.pinEmpty');
  return pin;
}

const exitFor: Record<FailureKind, number> = {
  input: signExit.refused,
  certificate: signExit.refused,
  token: signExit.token,
  tsa: signExit.tsa,
  output: signExit.failed,
  internal: signExit.failed,
};

function report(outcome: BatchOutcome): number {
  const fail = (error: BatchFailure) => process.stderr.write(`${cliText(error.key, error.params)}\n`);
  if (outcome.status === 'refused') {
    fail(outcome.error);
    return exitFor[outcome.error.kind];
  }
  if (outcome.status === 'done') {
    process.stdout.write(`${cliText('signing.cli.done', { count: outcome.signed.length })}\n`);
    return signExit.done;
  }
  fail(outcome.error);
  for (const file of outcome.untouched)
    process.stderr.write(`${cliText('signing.cli.untouched', { file: basename(file) })}\n`);
  if (outcome.signed.length === 0) return exitFor[outcome.error.kind];
  process.stderr.write(
    `${cliText('signing.cli.partial', { done: outcome.signed.length, pending: outcome.untouched.length })}\n`,
  );
  return signExit.partial;
}

export async function run(argv: string[]): Promise<number> {
  let args: SignArgs;
  let options: Omit<PdfSigningOptions, 'earlierSignatures'>;
  try {
    args = parseArgs(argv);
    const { values } = args;
    options = {
      ...(values['--hash'] ? { hash: values['--hash'] as HashAlgorithm } : {}),
      ...(args.rsaPss ? { rsaScheme: 'rsa-pss' as const } : {}),
      ...(values['--tsa'] ? { tsaUrl: values['--tsa'] } : {}),
      ...(values['--reason'] !== undefined ? { reason: values['--reason'] } : {}),
      ...(values['--visible'] ? { visible: parseVisible(values['--visible'], values) } : {}),
      ...(values['--field'] !== undefined ? { field: values['--field'] } : {}),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${cliText(error.key, error.params)}\n`);
    if (error.key !== 'signing.cli.signUsage') process.stderr.write(`${cliText('signing.cli.signUsage')}\n`);
    return signExit.usage;
  }
  const outDir = args.values['--out']!;
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    process.stderr.write(`${cliText('signing.cli.outDirMissing', { dir: outDir })}\n`);
    return signExit.refused;
  }
  // The worker starts while the PIN is read and the signing code loads; it touches no card yet.
  const worker = startEarly(nodeTokenWorkerLauncher());
  try {
    const signing = loadSigning();
    // Settled here too: a PIN refused below leaves the load unawaited, and must not fail the exit.
    signing.catch(() => undefined);
    let pin: string;
    try {
      pin = await readPin();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${cliText(error.key, error.params)}\n`);
      return signExit.usage;
    }
    const { signBatch, openTokenService, printSlowCard } = await signing;
    const key: KeySelector =
      args.values['--cert-id'] !== undefined
        ? { id: args.values['--cert-id'].toLowerCase() }
        : { label: args.values['--key']! };
    const module = args.values['--module']!;
    const tokens = openTokenService({ launch: worker.launch, modules: [module] });
    tokens.onSlow(printSlowCard);
    try {
      const outcome = await signBatch({
        files: args.files,
        outDir,
        options: { ...options, earlierSignatures: earlierSignatureStates },
        openSession: cardKey(tokens, {
          module,
          token: args.values['--token']!,
          key,
          pin,
          confirmFinalTry: args.confirmFinalTry,
        }).open,
        onSigned: (result) =>
          process.stdout.write(
            `${cliText('signing.cli.signed', { file: basename(result.source), output: result.output, field: result.fieldName })}\n`,
          ),
      });
      return report(outcome);
    } finally {
      await tokens.close();
    }
  } finally {
    worker.release();
  }
}
