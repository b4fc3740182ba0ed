import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/api/access';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import {
  signerAudience,
  type BatchEntry,
  type CardKeyInput,
  type ItemResult,
  type ItemState,
  type SigningFailure,
  type SigningRun,
} from '../../shared/api/signing';
import { documentItem } from '../desk/signing/document-item';
import { signItems } from '../desk/signing/service';
import type { PdfSigningOptions } from '../desk/signing/sign-pdf';
import { cardKey } from '../desk/tokens/card-key';
import type { TokenService } from '../desk/tokens/token-service';
import type { EventBus } from '../events';
import type { PreparedResolution, SigningOffice } from '../office/index';
import { sessionRequestOf } from './card-key-input';

export type SigningCallName = 'signing.start' | 'signing.sign' | 'signing.cancel';

export interface SigningDeskOptions {
  office: SigningOffice;
  tokens: Pick<TokenService, 'openSigningSession'>;
  /** Whether a module is one the desk looks for cards in: a signer may name no other. */
  knowsModule(module: string): boolean;
  events: EventBus;
  /** Options of every signature: chain completion, the check of earlier signatures. */
  signing: PdfSigningOptions;
  /** Where documents wait while they are signed (a private folder each, removed afterwards). */
  workDir: string;
  /** A batch left alone this long gives its numbers back (the office would release them anyway). */
  idleMs?: number;
  now?: () => number;
}

interface BatchItem {
  prepared: PreparedResolution;
  state: ItemState;
  failure: SigningFailure | null;
}

interface Batch {
  id: string;
  signer: Actor;
  items: BatchItem[];
  running: { abort: AbortController; done: Promise<unknown> } | null;
  touchedAt: number;
}

/** 15 minutes, the office's hold on a reserved number. */
const defaultIdleMs = 15 * 60_000;

const resultOf = (item: BatchItem): ItemResult => ({
  requestId: item.prepared.requestId,
  number: item.prepared.number,
  state: item.state,
  failure: item.failure,
});

/** The number as a file name part: `2026/000123` → `2026-000123`. */
const fileNameOf = (number: string) => number.replace(/\//g, '-');

/**
 * Signing resolutions at this desk: the office prepares them (numbers reserved, final PDFs), main
 * keeps the prepared items under a batch id (the renderer only reads them), the card signs them
 * with one PIN, and the office confirms each signed file. A batch belongs to the head who started
 * it; cancelling it, or leaving it, gives back the numbers of what was not signed.
 */
export function openSigningDesk(options: SigningDeskOptions) {
  const batches = new Map<string, Batch>();
  const idleMs = options.idleMs ?? defaultIdleMs;
  const now = options.now ?? Date.now;

  // Batches given up because their signer started another (a second window, a second desk): whoever
  // comes back to one is told so, not that it does not exist. The newest few are remembered.
  const replaced = new Map<string, string>();
  const remembered = 200;
  function rememberReplaced(batch: Batch): void {
    replaced.set(batch.id, batch.signer.id);
    if (replaced.size > remembered) replaced.delete(replaced.keys().next().value!);
  }

  async function release(batch: Batch): Promise<number> {
    batches.delete(batch.id);
    const unsigned = batch.items.filter((item) => item.state !== 'signed').map((item) => item.prepared);
    if (unsigned.length > 0) await options.office.release(batch.signer, unsigned);
    return unsigned.length;
  }

  /** Batches nobody has touched for a while, and this signer's earlier ones: one batch at a time each. */
  async function sweep(signerId: string | null): Promise<void> {
    const stale = [...batches.values()].filter(
      (batch) => !batch.running && (batch.signer.id === signerId || now() - batch.touchedAt > idleMs),
    );
    for (const batch of stale) {
      await release(batch);
      if (batch.signer.id === signerId) rememberReplaced(batch);
    }
  }

  function batchOf(actor: Actor, batchId: string): Batch {
    const batch = batches.get(batchId);
    // Another head's batch does not exist for this one.
    if (!batch || batch.signer.id !== actor.id)
      throw new ApiError(replaced.get(batchId) === actor.id ? 'signing_batch_replaced' : 'not_found');
    batch.touchedAt = now();
    return batch;
  }

  async function sign(
    actor: Actor,
    batch: Batch,
    request: CardKeyInput & { retryOnly?: string[] | undefined },
    signal: AbortSignal,
  ): Promise<SigningRun> {
    const wanted = request.retryOnly ? new Set(request.retryOnly) : null;
    const run = batch.items.filter(
      (item) => item.state !== 'signed' && (!wanted || wanted.has(item.prepared.requestId)),
    );
    let pinPerSignature = false;
    const announce = (index: number, state: ItemState | 'signing', failure: SigningFailure | null) => {
      const { prepared } = run[index]!;
      options.events.emit(
        'signing.progress',
        {
          batchId: batch.id,
          requestId: prepared.requestId,
          number: prepared.number,
          index,
          total: run.length,
          state: state === 'pending' ? 'signing' : state,
          failure,
          pinPerSignature,
        },
        signerAudience(actor.id),
      );
    };
    const result = await signItems({
      items: run.map((item) =>
        documentItem(
          {
            id: item.prepared.requestId,
            name: fileNameOf(item.prepared.number),
            pdf: item.prepared.pdf,
            field: item.prepared.fieldName,
            stamp: {
              resolutionNumber: item.prepared.number,
              csv: item.prepared.csv,
              locale: item.prepared.locale,
              maskNif: true,
              ...(item.prepared.onBehalfOf ? { onBehalfOf: item.prepared.onBehalfOf } : {}),
            },
            store: (signed) => options.office.confirm(actor, item.prepared, signed),
          },
          options.workDir,
        ),
      ),
      key: cardKey(options.tokens, sessionRequestOf(request)),
      options: options.signing,
      signal,
      onStart: (start) => {
        pinPerSignature = start.pinPerSignature;
      },
      onItem: (progress) => {
        if (progress.state === 'signing') return announce(progress.index, 'signing', null);
        const item = run[progress.index]!;
        item.state = progress.state;
        item.failure = progress.state === 'signed' ? null : progress.failure;
        announce(progress.index, item.state, item.failure);
      },
    });
    // The run's last word on each of its items, those it never reached included (cancelled, or
    // what stopped it).
    result.outcomes.forEach((outcome, index) => {
      const item = run[index]!;
      item.state = outcome.state;
      item.failure = outcome.state === 'signed' ? null : outcome.failure;
    });
    return {
      status: result.status,
      failure: result.failure,
      pinPerSignature: result.pinPerSignature,
      items: batch.items.map(resultOf),
    };
  }

  const handlers: Pick<Handlers, SigningCallName> = {
    'signing.start': async ({ requestIds }, { actor }) => {
      await sweep(actor.id);
      const outcomes = await options.office.prepare(actor, requestIds);
      const batch: Batch = {
        id: randomUUID(),
        signer: actor,
        items: [],
        running: null,
        touchedAt: now(),
      };
      const entries: BatchEntry[] = outcomes.map((outcome) => {
        if ('error' in outcome)
          return {
            requestId: outcome.requestId,
            ok: false,
            refusal: outcome.params
              ? { code: outcome.error, params: outcome.params }
              : { code: outcome.error },
          };
        batch.items.push({ prepared: outcome, state: 'pending', failure: null });
        return {
          requestId: outcome.requestId,
          ok: true,
          number: outcome.number,
          csv: outcome.csv,
          sha256: outcome.sha256,
          size: outcome.pdf.byteLength,
          onBehalfOf: outcome.onBehalfOf,
          pdfBase64: Buffer.from(outcome.pdf).toString('base64'),
        };
      });
      if (batch.items.length > 0) batches.set(batch.id, batch);
      return { batchId: batch.id, entries };
    },

    'signing.sign': async ({ batchId, pin, ...request }, { actor }) => {
      const batch = batchOf(actor, batchId);
      if (batch.running) throw new ApiError('signing_batch_busy');
      if (!options.knowsModule(request.token.module))
        throw new ApiError('invalid_input', { field: 'token.module' });
      const abort = new AbortController();
      const running = sign(actor, batch, { ...request, pin }, abort.signal);
      batch.running = { abort, done: running.catch(() => undefined) };
      try {
        return await running;
      } finally {
        batch.running = null;
        batch.touchedAt = now();
        // Everything signed: nothing is left to give back or to retry.
        if (batch.items.every((item) => item.state === 'signed')) batches.delete(batch.id);
      }
    },

    'signing.cancel': async ({ batchId }, { actor }) => {
      // Given up for a newer batch: its numbers went back then, there is nothing left to cancel.
      if (replaced.get(batchId) === actor.id) return { released: 0 };
      const batch = batchOf(actor, batchId);
      if (batch.running) {
        batch.running.abort.abort();
        await batch.running.done;
      }
      return { released: await release(batch) };
    },
  };

  return {
    handlers,
    /** Gives back the numbers of every batch (the desk is closing); a running one is stopped first. */
    async close(): Promise<void> {
      for (const batch of [...batches.values()]) {
        if (batch.running) {
          batch.running.abort.abort();
          await batch.running.done;
        }
        await release(batch).catch(() => undefined);
      }
    },
  };
}
