import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Actor, ActorResolver } from '../../../src/shared/api/access';
import { ApiError } from '../../../src/shared/api/errors';
import {
  dispatch,
  type ActorContext,
  type CallContext,
  type ContractService,
  type Handlers,
} from '../../../src/shared/api/dispatch';
import { callNames, calls, type CallName } from '../../../src/shared/api/index';
import { roles, type Role } from '../../../src/shared/domain/cases';

function context(signedIn: string | null = null): CallContext {
  let user = signedIn;
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

const people: Record<string, Actor> = {
  processor: { id: 'processor', name: 'P', departmentId: 'd1', roles: ['processor'] },
  head: { id: 'head', name: 'H', departmentId: 'd1', roles: ['head'] },
  admin: { id: 'admin', name: 'A', departmentId: 'd1', roles: ['admin'] },
  trainer: { id: 'trainer', name: 'T', departmentId: 'd1', roles: ['trainer', 'processor'] },
};

/** Resolves the people above and counts how often it is asked. */
function directory(): ActorResolver & { asked: string[] } {
  const asked: string[] = [];
  return { asked, resolve: async (userId) => (asked.push(userId), people[userId] ?? null) };
}

/** The given handlers; every other call fails loudly, and every call that runs is recorded. */
function contract(overrides: Partial<Handlers>, actors: ActorResolver = directory()) {
  const ran: string[] = [];
  const handlers = new Proxy(overrides as Handlers, {
    get: (target, name: string) => {
      const handler = target[name as keyof Handlers];
      return async (input: unknown, ctx: CallContext) => {
        ran.push(name);
        if (!handler) throw new Error(`no ${name}`);
        return (handler as (input: unknown, ctx: CallContext) => Promise<unknown>)(input, ctx);
      };
    },
  });
  return { service: { handlers, actors } satisfies ContractService, ran };
}

/** An input each case call accepts, so that only its access rule decides. */
const caseCallInput: Record<Extract<CallName, `cases.${string}`>, unknown> = {
  'cases.procedures': {},
  'cases.colleagues': {},
  'cases.queueCounts': {},
  'cases.list': { queue: 'mine' },
  'cases.claim': { caseId: '1' },
  'cases.claimNext': {},
  'cases.release': { caseId: '1' },
  'cases.reassign': { caseId: '1', toUserId: 'urb-02', reason: 'Vacaciones', version: 1 },
  'cases.get': { caseId: '1' },
};

const nonPublicCalls = callNames.filter((name) => calls[name].access.kind !== 'public');

describe('dispatch', () => {
  it('refuses an unknown call name without running anything', async () => {
    const { service, ran } = contract({});
    const result = await dispatch(service, 'cases.dropTable', {}, context());
    expect(result).toEqual({ ok: false, error: { code: 'unknown_call' } });
    expect(ran).toEqual([]);
  });

  it('refuses input that does not match the schema and names the field', async () => {
    const { service, ran } = contract({
      'session.signIn': async () => ({ user, mode: 'embedded' }),
    });
    const result = await dispatch(service, 'session.signIn', { userId: 42 }, context());
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', params: { field: 'userId' } } });
    expect(ran).toEqual([]);
  });

  it('refuses unknown extra fields (strict inputs)', async () => {
    const { service } = contract({});
    const result = await dispatch(service, 'session.signOut', { admin: true }, context('processor'));
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', params: { field: '' } } });
  });

  it('passes parsed input with defaults and the actor to the handler, and returns its output', async () => {
    const seen: ActorContext[] = [];
    const { service } = contract({
      'cases.list': async (input, ctx) => {
        seen.push(ctx);
        expect(input).toEqual({ queue: 'mine', filter: {}, sort: 'due_asc', offset: 0, limit: 100 });
        return { total: 0, rows: [] };
      },
    });
    const result = await dispatch(service, 'cases.list', { queue: 'mine' }, context('processor'));
    expect(result).toEqual({ ok: true, value: { total: 0, rows: [] } });
    expect(seen[0]?.actor).toEqual(people.processor);
    expect(seen[0]?.connectionId).toBe('test');
  });

  it('turns an ApiError into its code and params', async () => {
    const { service } = contract({
      'cases.claim': async () => {
        throw new ApiError('already_claimed', { number: '2026/URB/000001' });
      },
    });
    const result = await dispatch(service, 'cases.claim', { caseId: 'c1' }, context('processor'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'already_claimed', params: { number: '2026/URB/000001' } },
    });
  });

  it('hides unexpected failures behind `internal` and reports them without the input', async () => {
    const seen: Array<[string, unknown]> = [];
    const { service } = contract({
      'session.signIn': async () => {
        throw new Error('disk on fire');
      },
    });
    const result = await dispatch(service, 'session.signIn', { userId: '12345678Z' }, context(), {
      onInternalError: (name, error) => seen.push([name, error]),
    });
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toBe('session.signIn');
    expect(JSON.stringify(seen)).not.toContain('12345678Z');
  });

  it('refuses a handler output that breaks the contract', async () => {
    const { service } = contract({ 'cases.queueCounts': async () => ({ mine: -1 }) as never });
    const result = await dispatch(service, 'cases.queueCounts', {}, context('processor'));
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
  });
});

describe('who may call what', () => {
  it('every contract entry declares its access rule, and only the sign-in calls are public', () => {
    for (const name of callNames) {
      const rule = calls[name].access;
      expect(['public', 'signedIn', 'roles'], name).toContain(rule.kind);
      if (rule.kind === 'roles') {
        expect(rule.roles.length, name).toBeGreaterThan(0);
        for (const role of rule.roles) expect(roles, name).toContain(role);
      }
    }
    // A new public call is a decision: it must be added here on purpose.
    expect(callNames.filter((name) => calls[name].access.kind === 'public').sort()).toEqual([
      // Signing in with the card on the shared office: a one-time challenge, then the card's answer.
      'session.cardChallenge',
      'session.current',
      'session.demoUsers',
      // Which desk this is (training shows its banner on the sign-in screen): its mode, nothing else.
      'session.desk',
      'session.signIn',
      'session.signInWithCard',
      // Whether the desk is open yet, and how far its first seeding got: counts, nothing else.
      'session.startup',
    ]);
  });

  it('refuses every non-public call on a signed-out connection before parsing or running anything', async () => {
    expect(nonPublicCalls.length).toBeGreaterThan(0);
    for (const name of nonPublicCalls) {
      const actors = directory();
      const { service, ran } = contract({}, actors);
      for (const input of [{}, { caseId: '1' }, { garbage: '\u0000' }]) {
        const result = await dispatch(service, name, input, context());
        expect(result, name).toEqual({ ok: false, error: { code: 'not_signed_in' } });
      }
      expect(ran, name).toEqual([]);
      expect(actors.asked, name).toEqual([]);
    }
  });

  it('lets each role make exactly the case calls its rules name', async () => {
    const everyCaseCall: CallName[] = [
      'cases.procedures',
      'cases.colleagues',
      'cases.queueCounts',
      'cases.list',
      'cases.claim',
      'cases.claimNext',
      'cases.release',
      'cases.reassign',
      'cases.get',
    ];
    const expected: Record<Role, CallName[]> = {
      processor: everyCaseCall,
      head: [
        'cases.procedures',
        'cases.colleagues',
        'cases.queueCounts',
        'cases.list',
        'cases.reassign',
        'cases.get',
      ],
      admin: [],
      trainer: everyCaseCall,
    };
    const caseCalls = Object.keys(caseCallInput) as (keyof typeof caseCallInput)[];
    expect(callNames.filter((name) => name.startsWith('cases.')).sort()).toEqual([...caseCalls].sort());
    for (const role of roles) {
      const allowed: CallName[] = [];
      for (const name of caseCalls) {
        const { service, ran } = contract({});
        const result = await dispatch(service, name, caseCallInput[name], context(role));
        if (ran.length > 0) allowed.push(name);
        else expect(result, `${role} ${name}`).toEqual({ ok: false, error: { code: 'forbidden' } });
      }
      expect(allowed, role).toEqual(expected[role]);
    }
  });

  it('lets any signed-in user sign out, whatever their roles', async () => {
    for (const role of roles) {
      const { service, ran } = contract({ 'session.signOut': async () => ({ ok: true }) });
      expect(await dispatch(service, 'session.signOut', {}, context(role))).toEqual({
        ok: true,
        value: { ok: true },
      });
      expect(ran).toEqual(['session.signOut']);
    }
  });

  it('resolves the actor once per call, and not at all for public calls', async () => {
    const actors = directory();
    const { service } = contract(
      {
        'cases.get': async () => {
          throw new ApiError('not_found');
        },
        'session.current': async () => null,
      },
      actors,
    );
    await dispatch(service, 'cases.get', { caseId: '1' }, context('head'));
    await dispatch(service, 'session.current', {}, context('head'));
    expect(actors.asked).toEqual(['head']);
  });

  it('ends the session of a user who no longer exists, and leaves a newer sign-in alone', async () => {
    const { service, ran } = contract({});
    const ctx = context('gone');
    expect(await dispatch(service, 'cases.queueCounts', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(ctx.session.get()).toBeNull();
    expect(ran).toEqual([]);

    let signedIn: string | null = 'gone';
    const racing: CallContext = {
      connectionId: 'racing',
      session: { get: () => signedIn, set: (next) => (signedIn = next) },
    };
    const switching: ActorResolver = {
      resolve: async () => {
        signedIn = 'processor';
        return null;
      },
    };
    const raced = contract({}, switching);
    await dispatch(raced.service, 'cases.queueCounts', {}, racing);
    expect(signedIn).toBe('processor');
  });

  it('answers `internal` when the actor cannot be looked up, and runs nothing', async () => {
    const failures: unknown[] = [];
    const { service, ran } = contract(
      {},
      {
        resolve: async () => {
          throw new Error('database unavailable');
        },
      },
    );
    const result = await dispatch(service, 'cases.queueCounts', {}, context('processor'), {
      onInternalError: (_name, error) => failures.push(error),
    });
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(ran).toEqual([]);
    expect(failures).toHaveLength(1);
  });
});

/** Every string schema inside an input schema, with its path. */
function stringLeaves(schema: z.ZodType, path = ''): Array<{ path: string; schema: z.ZodType }> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) =>
        stringLeaves(inner, path ? `${path}.${key}` : key),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return stringLeaves(def.innerType as z.ZodType, path);
    case 'array':
      return stringLeaves(def.element as z.ZodType, `${path}[]`);
    case 'record':
      return [
        ...stringLeaves(def.keyType as z.ZodType, `${path}{key}`),
        ...stringLeaves(def.valueType as z.ZodType, `${path}{}`),
      ];
    case 'pipe':
      return stringLeaves(def.in as z.ZodType, path);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => stringLeaves(option, path));
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
      return [];
    default:
      throw new Error(`${path}: schema of type ${def.type} is not walked; teach this test about it`);
  }
}

describe('text in the contract', () => {
  it('every string input refuses control characters, and line breaks unless it holds several lines', () => {
    const leaves = callNames.flatMap((name) =>
      stringLeaves(calls[name].input).map((leaf) => ({ ...leaf, path: `${name}:${leaf.path}` })),
    );
    const refusedEverywhere = ['\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f'];
    const lineBreaks = ['\t', '\n', '\r'];
    const with_ = (control: string) => `abcd${control}1234`;
    // Free text and ids take a plain probe, so refusing it with a control character says something;
    // dates and other formats refuse both.
    const plain = leaves.filter(({ schema }) => schema.safeParse(with_('')).success);
    expect(plain.map((leaf) => leaf.path)).toEqual(
      expect.arrayContaining(['session.signIn:userId', 'cases.get:caseId', 'cases.list:filter.text']),
    );
    for (const { path, schema } of leaves) {
      const multiline = z.globalRegistry.get(schema)?.lineBreaks === true;
      for (const control of [...refusedEverywhere, ...(multiline ? [] : lineBreaks)])
        expect(schema.safeParse(with_(control)).success, `${path} with U+${control.charCodeAt(0)}`).toBe(
          false,
        );
      for (const control of multiline ? lineBreaks : [])
        expect(schema.safeParse(with_(control)).success, `${path} with U+${control.charCodeAt(0)}`).toBe(
          true,
        );
    }
  });

  it('answers a NUL in a search with invalid_input naming the field, before any handler runs', async () => {
    const { service, ran } = contract({});
    for (const text of ['garcía\u0000', '\u0000', 'a\u0085b']) {
      const result = await dispatch(
        service,
        'cases.list',
        { queue: 'unassigned', filter: { text } },
        context('processor'),
      );
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', params: { field: 'filter.text' } },
      });
    }
    expect(ran).toEqual([]);
  });

  it('still trims the search and takes accents, ñ and symbols', async () => {
    const texts: unknown[] = [];
    const { service } = contract({
      'cases.list': async (input) => {
        texts.push(input.filter.text);
        return { total: 0, rows: [] };
      },
    });
    await dispatch(
      service,
      'cases.list',
      { queue: 'unassigned', filter: { text: '  Peña-Ibáñez 12345678Z €  ' } },
      context('processor'),
    );
    expect(texts).toEqual(['Peña-Ibáñez 12345678Z €']);
  });
});
