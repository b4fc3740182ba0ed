import { describe, expect, it } from 'vitest';
import { actorsWhenReady, handlersWhenReady } from '../../../src/main/app/deferred-handlers';
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
