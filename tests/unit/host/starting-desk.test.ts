import { describe, expect, it } from 'vitest';
import type { ComposeOptions, Desk } from '../../../src/main/compose';
import { actorsWhenReady, handlersWhenReady, startDesk } from '../../../src/main/compose/starting-desk';
import type { CallContext, Handlers } from '../../../src/shared/api/dispatch';
import { callNames } from '../../../src/shared/api/index';
import { fakeActors, recordingHandlers } from './fakes';

const ctx = (): CallContext => {
  let user: string | null = null;
  return { connectionId: 'window-1', session: { get: () => user, set: (next) => (user = next) } };
};

describe('handlers while the desk is still opening', () => {
  it('has one handler per call', () => {
    expect(Object.keys(handlersWhenReady(new Promise(() => undefined))).sort()).toEqual(
      [...callNames].sort(),
    );
  });

  it('holds calls until the desk is ready, then runs the desk’s handler with the same input and context', async () => {
    let open!: (desk: { handlers: Handlers }) => void;
    const desk = new Promise<{ handlers: Handlers }>((resolve) => (open = resolve));
    const { handlers, ran } = recordingHandlers();
    const context = ctx();

    const pending = handlersWhenReady(desk)['session.signIn']({ userId: 'u-3' }, context);
    await Promise.resolve();
    expect(ran).toEqual([]);

    open({ handlers });
    await expect(pending).resolves.toMatchObject({ user: { id: 'u-3' } });
    expect(ran).toEqual(['session.signIn']);
    expect(context.session.get()).toBe('u-3');
  });

  it('answers who a user is once the desk is ready (a call’s access is checked before its handler)', async () => {
    let open!: (desk: { actors: typeof fakeActors }) => void;
    const actors = actorsWhenReady(new Promise((resolve) => (open = resolve)));
    let resolved: unknown = 'pending';
    const pending = actors.resolve('u-3').then((actor) => (resolved = actor));
    await Promise.resolve();
    expect(resolved).toBe('pending');
    open({ actors: fakeActors });
    await pending;
    expect(resolved).toMatchObject({ id: 'u-3', roles: ['processor'] });
  });

  it('fails the call when the desk cannot open', async () => {
    const failed = Promise.reject(new Error('corrupt store'));
    await expect(handlersWhenReady(failed)['session.current']({}, ctx())).rejects.toThrow('corrupt store');
  });
});

describe('a desk opening on its first start', () => {
  const composition = { mode: 'embedded', dataDir: '/nowhere' } as const;

  /** A composition that seeds as the test says and opens when the test says. */
  function controlledOpening() {
    let report!: (done: number, total: number) => void;
    let open!: (desk: Desk) => void;
    let fail!: (error: Error) => void;
    const compose = (
      _: unknown,
      options: { onSeedProgress?: (done: number, total: number) => void } = {},
    ) => {
      report = (done, total) => options.onSeedProgress?.(done, total);
      return new Promise<Desk>((resolve, reject) => {
        open = resolve;
        fail = reject;
      });
    };
    return {
      compose,
      report: (done: number, total: number) => report(done, total),
      open: (desk: Desk) => open(desk),
      fail: (error: Error) => fail(error),
    };
  }

  it('says how far the seeding got while the other calls wait, and that it is open once it is', async () => {
    const opening = controlledOpening();
    const told: string[] = [];
    const desk = startDesk(
      composition,
      { onSeedProgress: (done, total) => told.push(`${done}/${total}`) },
      opening.compose as never,
    );
    expect(await desk.handlers['session.startup']({}, ctx())).toEqual({ ready: false, seeding: null });

    opening.report(400, 2000);
    expect(await desk.handlers['session.startup']({}, ctx())).toEqual({
      ready: false,
      seeding: { done: 400, total: 2000 },
    });
    expect(told).toEqual(['400/2000']);

    const { handlers, ran } = recordingHandlers();
    let signedIn: unknown = 'waiting';
    const pending = desk.handlers['session.signIn']({ userId: 'u-3' }, ctx()).then(
      (info) => (signedIn = info),
    );
    await Promise.resolve();
    expect(signedIn).toBe('waiting');

    opening.open({
      handlers,
      actors: fakeActors,
      events: desk.events,
      left: async () => undefined,
      close: async () => undefined,
    });
    await pending;
    expect(ran).toEqual(['session.signIn']);
    expect(await desk.handlers['session.startup']({}, ctx())).toEqual({ ready: true, seeding: null });
  });

  it('hands its event bus to the composition, so transports subscribed before it opened get the desk’s events', async () => {
    const opening = controlledOpening();
    let busGiven: unknown;
    const desk = startDesk(composition, {}, ((_: unknown, options: ComposeOptions) => {
      busGiven = options.events;
      return opening.compose(_, options);
    }) as never);
    expect(busGiven).toBe(desk.events);
  });

  it('rejects `ready` with the composition’s failure and never says it is open', async () => {
    const opening = controlledOpening();
    const desk = startDesk(composition, {}, opening.compose as never);
    opening.fail(new Error('store locked'));
    await expect(desk.ready).rejects.toThrow('store locked');
    expect(await desk.handlers['session.startup']({}, ctx())).toEqual({ ready: false, seeding: null });
  });
});
