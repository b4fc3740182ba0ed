import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { deskConnection, sendDraftedResolution } from '../../support/desk-connection';
import { deskWithTestCard } from '../../support/desk-with-test-card';

/**
 * A head who opens the signing screen of the same requests in a second window (or desk) takes them
 * over: the first window's batch gives its numbers back. Coming back to the first window, signing
 * says so in words (not "not found"), cancelling there is harmless, and the second window signs
 * with the same numbers: none is skipped.
 */
const suite = deskWithTestCard('batch-taken-over', 80);

const connection = (userId: string) => deskConnection(suite.desk, userId);
const head = connection('urb-jefatura');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

async function sendTwo(): Promise<string[]> {
  const sent: string[] = [];
  for (let n = 1; n <= 9 && sent.length < 2; n++) {
    const processor = connection(`urb-0${n}`);
    const mine = await processor('cases.list', { queue: 'mine', limit: 500 });
    for (const row of mine.rows
      .filter((candidate) => candidate.state === 'in_progress')
      .slice(0, 2 - sent.length))
      sent.push(await sendDraftedResolution(processor, row.id, 'urb-jefatura'));
  }
  expect(sent).toHaveLength(2);
  return sent;
}

const key = (pin: string) => ({
  token: { module: suite.token().modulePath, label: suite.token().tokenLabel },
  certificate: { id: suite.token().keys.rsa2048.id },
  pin,
});

describe('a signing batch taken over by a second window', () => {
  it('tells the first window what happened, lets it cancel, and the second signs with the same numbers', async () => {
    const requestIds = await sendTwo();
    const first = await head('signing.start', { requestIds });
    const firstNumbers = first.entries.map((entry) => (entry.ok ? entry.number : null));
    const second = await head('signing.start', { requestIds });
    // The first batch's numbers went back and the second reserved them again: nothing skipped.
    expect(second.entries.map((entry) => (entry.ok ? entry.number : null))).toEqual(firstNumbers);

    expect(
      await refusal(head('signing.sign', { batchId: first.batchId, ...key(suite.token().userPin) })),
    ).toEqual({
      code: 'signing_batch_replaced',
    });
    expect(await head('signing.cancel', { batchId: first.batchId })).toEqual({ released: 0 });
    // Another head coming to that batch id finds nothing at all.
    expect(
      await refusal(
        connection('urb-concejalia')('signing.sign', {
          batchId: first.batchId,
          ...key(suite.token().userPin),
        }),
      ),
    ).toEqual({ code: 'not_found' });

    const run = await head('signing.sign', { batchId: second.batchId, ...key(suite.token().userPin) });
    expect(run.status).toBe('done');
    expect(run.items.map((item) => [item.state, item.number])).toEqual(
      firstNumbers.map((number) => ['signed', number]),
    );
  });
});
