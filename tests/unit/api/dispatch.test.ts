import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { dispatch, type CallContext, type Handlers } from '../../../src/shared/api/dispatch';

function context(): CallContext {
  let user: string | null = null;
  return {
    connectionId: 'test',
    session: { get: () => user, set: (next) => (user = next) },
  };
}

const user = {
  id: 'u1',
  name: 'Persona de prueba',
  roles: ['processor' as const],
  departmentId: 'd1',
  departmentName: 'Urbanismo',
  position: 'Tramitadora',
};

function handlers(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, name: string) =>
      target[name as keyof Handlers] ?? (() => Promise.reject(new Error(`no ${name}`))),
  });
}

describe('dispatch', () => {
  it('refuses an unknown call name without running anything', async () => {
    const result = await dispatch(handlers({}), 'cases.dropTable', {}, context());
    expect(result).toEqual({ ok: false, error: { code: 'unknown_call' } });
  });

  it('refuses input that does not match the schema and names the field', async () => {
    let ran = false;
    const result = await dispatch(
      handlers({
        'session.signIn': async () => {
          ran = true;
          return { user, mode: 'embedded' };
        },
      }),
      'session.signIn',
      { userId: 42 },
      context(),
    );
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', params: { field: 'userId' } } });
    expect(ran).toBe(false);
  });

  it('refuses unknown extra fields (strict inputs)', async () => {
    const result = await dispatch(handlers({}), 'session.signOut', { admin: true }, context());
    expect(result.ok).toBe(false);
  });

  it('passes parsed input with defaults to the handler and returns its output', async () => {
    const result = await dispatch(
      handlers({
        'cases.list': async (input) => {
          expect(input).toEqual({ queue: 'mine', filter: {}, sort: 'due_asc', offset: 0, limit: 100 });
          return { total: 0, rows: [] };
        },
      }),
      'cases.list',
      { queue: 'mine' },
      context(),
    );
    expect(result).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('turns an ApiError into its code and params', async () => {
    const result = await dispatch(
      handlers({
        'cases.claim': async () => {
          throw new ApiError('already_claimed', { number: '2026/URB/000001' });
        },
      }),
      'cases.claim',
      { caseId: 'c1' },
      context(),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'already_claimed', params: { number: '2026/URB/000001' } },
    });
  });

  it('hides unexpected failures behind `internal` and reports them without the input', async () => {
    const seen: Array<[string, unknown]> = [];
    const result = await dispatch(
      handlers({
        'session.signIn': async () => {
          throw new Error('disk on fire');
        },
      }),
      'session.signIn',
      { userId: '12345678Z' },
      context(),
      { onInternalError: (name, error) => seen.push([name, error]) },
    );
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toBe('session.signIn');
    expect(JSON.stringify(seen)).not.toContain('12345678Z');
  });

  it('refuses a handler output that breaks the contract', async () => {
    const result = await dispatch(
      handlers({ 'cases.queueCounts': async () => ({ mine: -1 }) as never }),
      'cases.queueCounts',
      {},
      context(),
    );
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
