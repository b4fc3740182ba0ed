import { describe, expect, it } from 'vitest';
import { handlersWhenReady } from '../../../src/main/app/deferred-handlers';
import type { CallContext, Handlers } from '../../../src/shared/api/dispatch';
import { callNames } from '../../../src/shared/api/index';
import { recordingHandlers } from './fakes';

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

  it('fails the call when the desk cannot open', async () => {
    const failed = Promise.reject(new Error('corrupt store'));
    await expect(handlersWhenReady(failed)['session.current']({}, ctx())).rejects.toThrow('corrupt store');
  });
});
