import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { isMessageKey, type MessageKey, type MessageParams } from '../../../shared/i18n/index';
import { scenarioSchema, type Scenario } from '../../../shared/training/scenario';

/** Why a scenario file is refused: where (1-based line and column) and a reason to translate. */
export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  reason: MessageKey;
  params: MessageParams;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

type PathKey = string | number;

/** A scenario may reuse a text through an anchor; a file whose aliases multiply into a bomb is refused. */
const maxAliasExpansions = 100;

/**
 * The position of the node at `path`: of its key when it is a map's value (the line a writer looks
 * for), or of the deepest node that exists when the path leads to a missing field.
 */
function positionOf(document: Document, path: readonly PathKey[]): number {
  let node: unknown = document.contents;
  let position = document.contents?.range?.[0] ?? 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      next = pair?.value;
      if (pair && isScalar(pair.key)) position = pair.key.range?.[0] ?? position;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
      position = (next as { range?: [number] } | undefined)?.range?.[0] ?? position;
    }
    if (!next) break;
    node = next;
  }
  return position;
}

const fieldOf = (path: readonly PathKey[]): string =>
  path.length === 0
    ? '/'
    : path
        .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
        .join('');

const expectedKeys: Record<string, MessageKey> = {
  string: 'training.scenario.expected.string',
  number: 'training.scenario.expected.number',
  int: 'training.scenario.expected.number',
  boolean: 'training.scenario.expected.boolean',
  object: 'training.scenario.expected.object',
  array: 'training.scenario.expected.array',
};

interface Reason {
  reason: MessageKey;
  params: MessageParams;
  /** Where to point when it is not the issue's own path (an unknown key points at that key). */
  path?: PathKey[];
}

/** A zod issue as a reason in the user's language. The scenario's own rules carry theirs in `params`. */
function reasonOf(issue: z.core.$ZodIssue, input: unknown): Reason {
  const path = issue.path as PathKey[];
  const field = fieldOf(path);
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, path) === undefined)
        return { reason: 'training.scenario.reason.missing', params: { field } };
      if (path.length === 0) return { reason: 'training.scenario.reason.notAMapping', params: {} };
      return {
        reason: 'training.scenario.reason.wrongType',
        params: { field, expected: expectedKeys[issue.expected] ?? 'training.scenario.expected.other' },
      };
    }
    case 'invalid_value':
      return {
        reason: 'training.scenario.reason.notOneOf',
        params: { field, values: issue.values.map(String).join(', ') },
      };
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options)
        return { reason: 'training.scenario.reason.notOneOf', params: { field, values: options.join(', ') } };
      return { reason: 'training.scenario.reason.invalid', params: { field } };
    }
    case 'invalid_format':
      return { reason: 'training.scenario.reason.badFormat', params: { field, example: issue.message } };
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return {
          reason: 'training.scenario.reason.tooFew',
          params: { field, minimum: Number(issue.minimum) },
        };
      if (issue.origin === 'string') return { reason: 'training.scenario.reason.empty', params: { field } };
      return {
        reason: 'training.scenario.reason.tooSmall',
        params: { field, minimum: Number(issue.minimum) },
      };
    case 'too_big':
      return { reason: 'training.scenario.reason.tooBig', params: { field, maximum: Number(issue.maximum) } };
    case 'unrecognized_keys':
      return {
        reason: 'training.scenario.reason.unknownKeys',
        params: { keys: issue.keys.join(', ') },
        path: [...path, issue.keys[0]!],
      };
    case 'custom': {
      const params = issue.params as { reason?: MessageKey } & MessageParams;
      if (params?.reason) {
        const { reason, ...rest } = params;
        return { reason, params: rest };
      }
      return { reason: 'training.scenario.reason.invalid', params: { field } };
    }
    default:
      return { reason: 'training.scenario.reason.invalid', params: { field } };
  }
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** A YAML error in words where the catalogue has them (the commonest), else by the parser's code. */
function yamlProblem(code: string): { reason: MessageKey; params: MessageParams } {
  const worded = `training.scenario.yaml.${code}`;
  return {
    reason: isMessageKey(worded) ? worded : 'training.scenario.reason.yaml',
    params: { detail: code },
  };
}

/**
 * Reads one scenario's YAML text: a syntax error is refused at its line, and a schema error at the
 * line of the node it is about, so the writer of `file` sees where to fix it.
 */
export function parseScenario(text: string, file: string): ScenarioParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0)
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        ...at(error.pos[0]),
        ...yamlProblem(error.code),
      })),
    };
  let input: unknown;
  try {
    input = document.toJS({ maxAliasCount: maxAliasExpansions });
  } catch {
    // The only failure left after a clean parse: aliases that would expand beyond reason.
    return {
      ok: false,
      problems: [{ ...at(0), ...yamlProblem('TOO_MANY_ALIASES') }],
    };
  }
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const { reason, params, path } = reasonOf(issue, input);
    return { ...at(positionOf(document, path ?? (issue.path as PathKey[]))), reason, params };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}
