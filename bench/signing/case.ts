import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { signBatch } from '../../src/main/desk/signing/batch';
import { nodeTokenWorkerLauncher } from '../../src/main/desk/tokens/node-launcher';
import { openTokenService, type SigningSessionRequest } from '../../src/main/desk/tokens/token-service';

/**
 * One measured run, in its own process so that its peak memory is its own:
 * `tsx bench/signing/case.ts <ours|floor|peer> <config.json>`; prints {workMs, afterLoginMs, maxRssKb, workerRssKb}.
 */
export interface CaseConfig {
  files: string[];
  outDir: string;
  card: SigningSessionRequest;
  p12File: string;
  p12Passphrase: string;
}

async function sha256File(path: string): Promise<Buffer> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let position = 0; ;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await file.close();
  }
  return hash.digest();
}

/** Both ours and the floor sign through the token worker, as the desk does: the one bundled beside this file. */
const workerBundle = fileURLToPath(new URL('./token-worker.js', import.meta.url));
const tokens = openTokenService({ launch: nodeTokenWorkerLauncher(workerBundle), modules: [] });
/** When the login (and the worker's start) was over: the peer, which has neither, starts at 0. */
let loggedInAt = Number.NaN;
const openCard = async (card: SigningSessionRequest, beforeLogin?: (certificate: Uint8Array) => void) => {
  const session = await tokens.openSigningSession(card, beforeLogin);
  loggedInAt = performance.now();
  return session;
};

const runners = {
  /**
   * Our PAdES signer as `despacho sign` runs it: checks, the certificate checked before the PIN,
   * one login, incremental update, streaming hash, one C_Sign per file.
   */
  async ours(config: CaseConfig) {
    const outcome = await signBatch({
      files: config.files,
      outDir: config.outDir,
      openSession: (checkCertificate) => openCard(config.card, checkCertificate),
    });
    if (outcome.status !== 'done') throw new Error(`batch ${outcome.status}: ${outcome.error.key}`);
  },
  /** The floor: one login, then per file a streaming SHA-256 and one raw signature on the same token. */
  async floor(config: CaseConfig) {
    const session = await openCard(config.card);
    try {
      for (const file of config.files)
        await session.sign(await sha256File(file), { hash: 'SHA-256', scheme: 'rsa-pkcs1' });
    } finally {
      await session.close();
    }
  },
  /** The peer: @signpdf/signpdf with a PKCS#12 key (whole file in memory, rewritten with the placeholder). */
  async peer(config: CaseConfig) {
    const p12 = readFileSync(config.p12File);
    const signpdf = new SignPdf();
    for (const file of config.files) {
      // P12Signer consumes its buffer while signing: one signer per document.
      const signer = new P12Signer(Buffer.from(p12), { passphrase: config.p12Passphrase });
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: readFileSync(file),
        reason: 'Conforme',
        contactInfo: '',
        name: 'Bench',
        location: 'Elche',
        signatureLength: 8192,
      });
      writeFileSync(join(config.outDir, basename(file)), await signpdf.sign(withPlaceholder, signer));
    }
  },
};

const [mode, configFile] = process.argv.slice(2) as [keyof typeof runners, string];
const config = JSON.parse(readFileSync(configFile, 'utf8')) as CaseConfig;
const started = performance.now();
// VmHWM, not getrusage: Linux carries ru_maxrss over execve, so a child would inherit the parent's peak.
const peakKb = (pid: number | string) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
/** The token worker's own peak, read while it still runs (the peer starts none). */
const workerPeakKb = () =>
  readFileSync(`/proc/self/task/${process.pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, pid) => sum + peakKb(pid), 0);

await runners[mode](config);
const workerRssKb = workerPeakKb();
await tokens.close();
const ended = performance.now();
const workMs = ended - started;
const afterLoginMs = ended - (Number.isNaN(loggedInAt) ? started : loggedInAt);
process.stdout.write(`${JSON.stringify({ workMs, afterLoginMs, maxRssKb: peakKb('self'), workerRssKb })}\n`);
