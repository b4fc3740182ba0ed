import { describe, expect, it } from 'vitest';
import { forwardEvents } from '../../../src/main/app/event-forwarding';
import { createSessionSlots } from '../../../src/main/app/session-slots';
import { EventBus } from '../../../src/main/events';
import type { Actor, ActorResolver } from '../../../src/shared/api/access';
import { casesAudience, type Audience } from '../../../src/shared/api/index';
import { FakeContents } from './fakes';

const people: Record<string, Actor> = {
  'urb-01': { id: 'urb-01', name: 'A', departmentId: 'urbanismo', roles: ['processor'] },
  'urb-head': { id: 'urb-head', name: 'B', departmentId: 'urbanismo', roles: ['head'] },
  'urb-admin': { id: 'urb-admin', name: 'C', departmentId: 'urbanismo', roles: ['admin'] },
  'tri-01': { id: 'tri-01', name: 'D', departmentId: 'tributos', roles: ['processor'] },
};

const change = (departmentId: string, caseId = 'c-1') => ({
  caseIds: [caseId],
  departmentId,
  kind: 'claimed' as const,
});

/** Windows of a desk, each signed in as someone (or nobody), with events forwarded as main.ts wires it. */
function desk(signedIn: Record<string, string | null>, actors: ActorResolver = directory()) {
  const events = new EventBus();
  const slots = createSessionSlots();
  const windows = new Map(
    Object.entries(signedIn).map(([label, userId]) => {
      const contents = new FakeContents();
      slots.slotFor(contents).set(userId);
      return [label, contents];
    }),
  );
  const stop = forwardEvents(events, { targets: () => windows.values(), slotFor: slots.slotFor, actors });
  const received = (label: string) =>
    windows.get(label)!.sent.map(({ payload }) => (payload as { caseIds: string[] }).caseIds[0]);
  return { events, slots, windows, stop, received };
}

function directory(): ActorResolver {
  return { resolve: async (userId) => people[userId] ?? null };
}

/** Delivery is asynchronous but in order: once `label` has the marker, every earlier event is settled. */
async function settled(
  { events, windows }: ReturnType<typeof desk>,
  label: string,
  audience: Audience,
): Promise<void> {
  const contents = windows.get(label)!;
  const before = contents.sent.length;
  events.emit('cases.changed', change('any', 'marker'), audience);
  while (contents.sent.length === before) await new Promise((resolve) => setImmediate(resolve));
}

describe('event forwarding to windows', () => {
  it('sends a change of a department’s cases only to windows whose user reads them', async () => {
    const forwarded = desk({
      processor: 'urb-01',
      head: 'urb-head',
      admin: 'urb-admin',
      otherDepartment: 'tri-01',
      signedOut: null,
      removedUser: 'gone-01',
    });
    forwarded.events.emit('cases.changed', change('urbanismo', 'urb-case'), casesAudience('urbanismo'));
    await settled(forwarded, 'otherDepartment', { kind: 'everyoneSignedIn' });

    expect(forwarded.received('processor')).toEqual(['urb-case', 'marker']);
    expect(forwarded.windows.get('processor')!.sent[0]).toEqual({
      channel: 'despacho:event:cases.changed',
      payload: change('urbanismo', 'urb-case'),
    });
    expect(forwarded.received('head')).toEqual(['urb-case', 'marker']);
    expect(forwarded.received('admin')).toEqual(['marker']);
    expect(forwarded.received('otherDepartment')).toEqual(['marker']);
    expect(forwarded.received('signedOut')).toEqual([]);
    expect(forwarded.received('removedUser')).toEqual([]);
  });

  it('sends an event for one user only to that user’s windows', async () => {
    const forwarded = desk({ mine: 'tri-01', colleague: 'urb-01' });
    forwarded.events.emit('cases.changed', change('tributos'), { kind: 'user', userId: 'tri-01' });
    await settled(forwarded, 'colleague', { kind: 'user', userId: 'urb-01' });
    expect(forwarded.received('mine')).toEqual(['c-1']);
    expect(forwarded.received('colleague')).toEqual(['marker']);
  });

  it('follows sign-in and sign-out, skips destroyed windows and stops after unsubscribing', async () => {
    const forwarded = desk({ first: 'urb-01', second: null, gone: 'urb-01' });
    const [first, second, gone] = ['first', 'second', 'gone'].map((label) => forwarded.windows.get(label)!);
    forwarded.slots.slotFor(second!).set('urb-head');
    forwarded.slots.slotFor(first!).set(null);
    gone!.destroyed = true;
    forwarded.events.emit('cases.changed', change('urbanismo'), casesAudience('urbanismo'));
    await settled(forwarded, 'second', { kind: 'everyoneSignedIn' });
    expect(forwarded.received('first')).toEqual([]);
    expect(forwarded.received('second')).toEqual(['c-1', 'marker']);
    expect(gone!.sent).toEqual([]);

    forwarded.stop();
    forwarded.events.emit('cases.changed', change('urbanismo', 'late'), casesAudience('urbanismo'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(forwarded.received('second')).toEqual(['c-1', 'marker']);
  });

  it('keeps the order of events even when finding out who a window is takes longer for the first', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slowFirst: ActorResolver = {
      resolve: async (userId) => {
        calls += 1;
        if (calls === 1) await held;
        return people[userId] ?? null;
      },
    };
    const forwarded = desk({ processor: 'urb-01' }, slowFirst);
    forwarded.events.emit('cases.changed', change('urbanismo', 'first'), casesAudience('urbanismo'));
    forwarded.events.emit('cases.changed', change('urbanismo', 'second'), casesAudience('urbanismo'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(forwarded.received('processor')).toEqual([]);
    release();
    await settled(forwarded, 'processor', { kind: 'everyoneSignedIn' });
    expect(forwarded.received('processor')).toEqual(['first', 'second', 'marker']);
  });

  it('leaves out a window whose user cannot be looked up, and goes on with the others', async () => {
    const failures: unknown[] = [];
    const events = new EventBus();
    const slots = createSessionSlots();
    const [broken, fine] = [new FakeContents(), new FakeContents()];
    slots.slotFor(broken).set('urb-01');
    slots.slotFor(fine).set('tri-01');
    forwardEvents(events, {
      targets: () => [broken, fine],
      slotFor: slots.slotFor,
      actors: {
        resolve: async (userId) => {
          if (userId === 'urb-01') throw new Error('database unavailable');
          return people[userId] ?? null;
        },
      },
      onError: (error) => failures.push(error),
    });
    events.emit('cases.changed', change('tributos'), { kind: 'everyoneSignedIn' });
    while (fine.sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(broken.sent).toEqual([]);
    expect(failures).toHaveLength(1);
  });
});
