import { parseCertificate } from '../crypto/certificate';
import type { SigningSession } from '../signing-session';
import { refuseBrokenSignatures } from './earlier-signatures';
import {
  cancelledFailure,
  failureOf,
  stopsTheBatch,
  storingStopsTheBatch,
  type SigningFailure,
} from './failure';
import { checkPdfForSigning, checkSigningCertificate, type CheckedPdf } from './preflight';
import { planSignature, startPdfSignature, type PdfSigningOptions, type SignedPdf } from './sign-pdf';

/** One document of a batch: it knows where its bytes are and what to do with the signed file. */
export interface SigningItem<Stored = void> {
  /** Names the item in progress reports and outcomes: a request id, a file. */
  readonly id: string;
  /** The document to sign; throwing (a SigningError, an ApiError) refuses this item. */
  open(): Promise<ItemDocument> | ItemDocument;
  /** Takes the complete signed file; a failure here leaves it `failed_after_signing`. */
  store(signed: SignedPdf): Promise<Stored>;
  /** Called once the item is finished with, however it ended: temporary files go before the batch returns. */
  dispose?(): void | Promise<void>;
}

export interface ItemDocument {
  /** The PDF on disk. */
  path: string;
  /** Where the signed file is written, renamed into view only once complete. */
  outDir: string;
  /** This item's own options (its field, its stamp) over the batch's. */
  options?: PdfSigningOptions;
}

/**
 * The signing key: an open session (its owner closes it), or an opener that logs in once the
 * documents passed their checks, showing the certificate to `checkCertificate` before the PIN.
 */
export type SessionSource = { session: SigningSession } | KeyOpener;

export interface KeyOpener {
  open(checkCertificate: (certificate: Uint8Array) => void): Promise<SigningSession>;
}

export type ItemOutcome<Stored> =
  | { id: string; state: 'signed'; signed: SignedPdf; stored: Stored }
  | { id: string; state: 'failed_before_signing' | 'failed_after_signing'; failure: SigningFailure };

export type ItemProgress<Stored> =
  | { index: number; total: number; id: string; state: 'signing' }
  | ({ index: number; total: number } & ItemOutcome<Stored>);

export interface SigningRequest<Stored> {
  items: readonly SigningItem<Stored>[];
  key: SessionSource;
  options?: PdfSigningOptions;
  /**
   * All or nothing (`despacho sign`): one refused document refuses the batch before the card is
   * touched, and the first failure stops it. Otherwise (the tray) a refused document or one the
   * office would not store fails alone, and only the card, the time-stamp service or an unknown
   * failure stop the batch.
   */
  allOrNothing?: boolean;
  /** After login, before the first signature: whether the card asks for the PIN at every signature. */
  onStart?(start: { total: number; pinPerSignature: boolean }): void;
  /**
   * An item refused while the documents are checked; then, in the items' order, each item being
   * signed and its outcome.
   */
  onItem?(progress: ItemProgress<Stored>): void;
  /** Stops the batch between two items; the item being signed is finished. */
  signal?: AbortSignal;
}

export interface SigningResult<Stored> {
  /**
   * done: every item was tried; refused: none was (the card, the certificate, or in all-or-nothing
   * mode a document, refused); stopped: a failure ended the batch part-way, what was signed stays
   * signed and the rest untouched; cancelled: the signal stopped it.
   */
  status: 'done' | 'refused' | 'stopped' | 'cancelled';
  /** Why it was refused, stopped or cancelled. */
  failure: SigningFailure | null;
  pinPerSignature: boolean;
  /** One per item, in the items' order. */
  outcomes: ItemOutcome<Stored>[];
}

interface Opened<Stored> {
  item: SigningItem<Stored>;
  document: ItemDocument;
  checked: CheckedPdf;
}

const notSigned = <Stored>(id: string, failure: SigningFailure): ItemOutcome<Stored> => ({
  id,
  state: 'failed_before_signing',
  failure,
});

/**
 * Signs a batch with one login: every document is opened and checked before the card is used,
 * then signed in order, each signed file stored while the next one is being signed. What was
 * signed stays signed whatever happens later; the rest is left untouched.
 */
export async function signItems<Stored>(request: SigningRequest<Stored>): Promise<SigningResult<Stored>> {
  const total = request.items.length;
  const outcomes = new Map<number, ItemOutcome<Stored>>();
  const opened = new Map<number, Opened<Stored>>();
  const report = (index: number, outcome: ItemOutcome<Stored>) => {
    outcomes.set(index, outcome);
    request.onItem?.({ index, total, ...outcome });
  };
  const result = (
    status: SigningResult<Stored>['status'],
    failure: SigningFailure | null,
    pinPerSignature = false,
  ): SigningResult<Stored> => {
    // Whatever was not reached shares the reason the batch ended.
    request.items.forEach((item, index) => {
      if (!outcomes.has(index)) outcomes.set(index, notSigned(item.id, failure ?? cancelledFailure));
    });
    return {
      status,
      failure,
      pinPerSignature,
      outcomes: request.items.map((_, index) => outcomes.get(index)!),
    };
  };
  const closeAll = async () => {
    opened.forEach(({ checked }) => checked.document.close());
    // Side by side and off the event loop: a hundred folders removed one after another held it for a second.
    await Promise.all(request.items.map(async (item) => item.dispose?.()));
  };

  if (total === 0) return result('done', null);
  try {
    for (const [index, item] of request.items.entries()) {
      try {
        const document = await item.open();
        const checked = checkPdfForSigning(document.path);
        opened.set(index, { item, document, checked });
        const options = { ...request.options, ...document.options };
        planSignature(checked, options);
        // Before the card: a document whose earlier signature broke is refused here, not after login.
        await refuseBrokenSignatures(checked, options.earlierSignatures);
      } catch (error) {
        opened.get(index)?.checked.document.close();
        opened.delete(index);
        const failure = failureOf(error);
        if (request.allOrNothing) return result('refused', failure);
        report(index, notSigned(item.id, failure));
      }
    }
    if (opened.size === 0) {
      const [first] = outcomes.values();
      return result('refused', first && first.state !== 'signed' ? first.failure : null);
    }
    if (request.signal?.aborted) return result('cancelled', cancelledFailure);

    const now = () => request.options?.now?.() ?? new Date();
    const checkCertificate = (certificate: Uint8Array) =>
      checkSigningCertificate(parseCertificate(certificate), now());
    let session: SigningSession;
    try {
      session = 'session' in request.key ? request.key.session : await request.key.open(checkCertificate);
    } catch (error) {
      return result('refused', failureOf(error));
    }
    try {
      return await signOpened(request, session, opened, report, result, checkCertificate);
    } finally {
      if (!('session' in request.key)) await session.close();
    }
  } finally {
    await closeAll();
  }
}

type Report<Stored> = (index: number, outcome: ItemOutcome<Stored>) => void;
type Result<Stored> = (
  status: SigningResult<Stored>['status'],
  failure: SigningFailure | null,
  pinPerSignature?: boolean,
) => SigningResult<Stored>;

async function signOpened<Stored>(
  request: SigningRequest<Stored>,
  session: SigningSession,
  opened: Map<number, Opened<Stored>>,
  report: Report<Stored>,
  result: Result<Stored>,
  checkCertificate: (certificate: Uint8Array) => void,
): Promise<SigningResult<Stored>> {
  const pinPerSignature = session.pinPerSignature ?? false;
  try {
    // Again on the certificate the session signs with, whatever the opener did.
    checkCertificate(session.certificate);
  } catch (error) {
    return result('refused', failureOf(error), pinPerSignature);
  }
  const total = request.items.length;
  request.onStart?.({ total, pinPerSignature });

  // The previous item's file settles (fsync, rename, store) while the next one is signed.
  let settling: Promise<void> = Promise.resolve();
  let stop: SigningFailure | null = null;
  for (const [index, { item, document, checked }] of opened) {
    if (request.signal?.aborted) {
      await settling;
      return result('cancelled', cancelledFailure, pinPerSignature);
    }
    request.onItem?.({ index, total, id: item.id, state: 'signing' });
    let done: Promise<SignedPdf>;
    try {
      ({ done } = await startPdfSignature(checked, session, document.outDir, {
        ...request.options,
        ...document.options,
      }));
    } catch (error) {
      const failure = failureOf(error);
      await settling;
      report(index, notSigned(item.id, failure));
      if (request.allOrNothing || stopsTheBatch(failure)) {
        stop = failure;
        break;
      }
      continue;
    }
    // Settled here, so that a failed fsync is not an unhandled rejection before it is awaited.
    const finishing = settle(item, done);
    await settling;
    settling = finishing.then((outcome) => {
      report(index, outcome);
      if (outcome.state !== 'signed' && (request.allOrNothing || storingStopsTheBatch(outcome.failure)))
        stop ??= outcome.failure;
    });
    if (stop) break;
  }
  await settling;
  if (stop) return result('stopped', stop, pinPerSignature);
  return result('done', null, pinPerSignature);
}

/** The file on disk, then stored: a failure to write it means nothing was signed, one to store it, after. */
async function settle<Stored>(
  item: SigningItem<Stored>,
  done: Promise<SignedPdf>,
): Promise<ItemOutcome<Stored>> {
  let signed: SignedPdf;
  try {
    signed = await done;
  } catch (error) {
    return notSigned(item.id, failureOf(error));
  }
  try {
    return { id: item.id, state: 'signed', signed, stored: await item.store(signed) };
  } catch (error) {
    return { id: item.id, state: 'failed_after_signing', failure: failureOf(error) };
  }
}
