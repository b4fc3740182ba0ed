import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../../shared/api/index';
import type { ItemResult, SigningRun } from '../../../../shared/api/signing';
import { useClient } from '../../../api/ClientProvider';
import type { CardChoice } from './cardChoice';

export type StartedBatch = CallOutput<'signing.start'>;

/** The item being signed now. */
export interface Progress {
  index: number;
  total: number;
  requestId: string;
  number: string;
}

export interface SigningBatch {
  /** Null while the office prepares the documents. */
  started: StartedBatch | null;
  startError: unknown;
  /** Each prepared item as it stands now. */
  results: ReadonlyMap<string, ItemResult>;
  progress: Progress | null;
  /** The last run's end (done, stopped, refused, cancelled), null before the first. */
  lastRun: SigningRun | null;
  signing: boolean;
  /** The card asks for the PIN at every signature (known once it is logged in). */
  pinPerSignature: boolean;
  sign(choice: CardChoice, pin: string, confirmFinalTry: boolean, retryOnly?: string[]): Promise<SigningRun>;
  /** Stops between two items and gives back the numbers of what was not signed. */
  cancel(): Promise<void>;
}

/**
 * One batch of the signing flow: started when the screen opens (the office reserves the numbers
 * and renders the final documents), signed with the card, followed item by item through
 * `signing.progress`, and cancelled when the screen is left with anything unsigned. Other requests
 * are another batch: the screen showing it is keyed by them.
 */
export function useSigningBatch(requestIds: readonly string[]): SigningBatch {
  const client = useClient();
  const [started, setStarted] = useState<StartedBatch | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [results, setResults] = useState<ReadonlyMap<string, ItemResult>>(new Map());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [lastRun, setLastRun] = useState<SigningRun | null>(null);
  const [signing, setSigning] = useState(false);
  const [pinPerSignature, setPinPerSignature] = useState(false);
  const batchId = useRef<string | null>(null);
  const key = requestIds.join(',');

  useEffect(() => {
    let live = true;
    client.call('signing.start', { requestIds: key.split(',') }).then(
      (batch) => {
        if (!live) {
          void client.call('signing.cancel', { batchId: batch.batchId }).catch(() => undefined);
          return;
        }
        batchId.current = batch.batchId;
        setStarted(batch);
        setResults(
          new Map(
            batch.entries.flatMap((entry) =>
              entry.ok
                ? [
                    [
                      entry.requestId,
                      { requestId: entry.requestId, number: entry.number, state: 'pending', failure: null },
                    ],
                  ]
                : [],
            ),
          ),
        );
      },
      (error: unknown) => live && setStartError(error),
    );
    return () => {
      live = false;
      // Leaving the screen gives back the numbers of whatever was not signed (a finished batch is gone already).
      if (batchId.current)
        void client.call('signing.cancel', { batchId: batchId.current }).catch(() => undefined);
      batchId.current = null;
    };
  }, [client, key]);

  useEffect(
    () =>
      client.on('signing.progress', (event) => {
        if (event.batchId !== batchId.current) return;
        setPinPerSignature(event.pinPerSignature);
        if (event.state === 'signing') {
          setProgress({
            index: event.index,
            total: event.total,
            requestId: event.requestId,
            number: event.number,
          });
          return;
        }
        const outcome: ItemResult = {
          requestId: event.requestId,
          number: event.number,
          state: event.state,
          failure: event.failure,
        };
        setResults((current) => new Map(current).set(outcome.requestId, outcome));
      }),
    [client],
  );

  const sign = useCallback(
    async (choice: CardChoice, pin: string, confirmFinalTry: boolean, retryOnly?: string[]) => {
      const id = batchId.current;
      if (!id) throw new Error('no batch to sign');
      setSigning(true);
      setProgress(null);
      try {
        const run = await client.call('signing.sign', {
          batchId: id,
          token: { module: choice.card.module, label: choice.card.label },
          certificate: { id: choice.certificate.id },
          pin,
          confirmFinalTry,
          ...(retryOnly ? { retryOnly } : {}),
        });
        setResults(new Map(run.items.map((item) => [item.requestId, item])));
        setLastRun(run);
        setPinPerSignature(run.pinPerSignature);
        return run;
      } finally {
        setSigning(false);
        setProgress(null);
      }
    },
    [client],
  );

  const cancel = useCallback(async () => {
    const id = batchId.current;
    batchId.current = null;
    if (id) await client.call('signing.cancel', { batchId: id }).catch(() => undefined);
  }, [client]);

  return { started, startError, results, progress, lastRun, signing, pinPerSignature, sign, cancel };
}
