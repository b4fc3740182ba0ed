import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../../../shared/api/session';
import { isMessageKey, translate, type MessageParams } from '../../../shared/i18n/index';
import type { Scenario } from '../../../shared/training/scenario';
import { resourcesDir } from '../../package-root';
import { parseScenario, type ScenarioParse, type ScenarioProblem } from './parse';

/** The scenarios Despacho ships: resources/training/scenarios/*.yaml. */
export const shippedScenariosDir = join(resourcesDir, 'training', 'scenarios');

/** One scenario file, read and checked; a file that cannot be read is a problem at its line 1. */
export async function loadScenarioFile(file: string): Promise<ScenarioParse> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      problems: [
        { file, line: 1, column: 1, reason: 'training.scenario.reason.unreadable', params: { detail } },
      ],
    };
  }
  return parseScenario(text, file);
}

export class ScenariosInvalidError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(
      `Invalid training scenarios: ${problems.map((problem) => `${problem.file}:${problem.line}`).join(', ')}`,
    );
    this.name = 'ScenariosInvalidError';
  }
}

/**
 * Every `*.yaml` scenario of a folder, by file name. A desk never starts a lesson from a broken set:
 * any invalid file, or two files with the same scenario id, refuses them all with every problem.
 */
export async function loadScenarios(dir: string = shippedScenariosDir): Promise<Scenario[]> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
  const problems: ScenarioProblem[] = [];
  const scenarios: Scenario[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const parsed = await loadScenarioFile(file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const other = fileOf.get(parsed.scenario.id);
    if (other)
      problems.push({
        file,
        line: 1,
        column: 1,
        reason: 'training.scenario.reason.repeatedScenario',
        params: { id: parsed.scenario.id, other },
      });
    fileOf.set(parsed.scenario.id, file);
    scenarios.push(parsed.scenario);
  }
  if (problems.length > 0) throw new ScenariosInvalidError(problems);
  return scenarios;
}

/** A problem as the user reads it; a parameter that is itself a message key (an expected type) is translated too. */
export function scenarioProblemText(locale: Locale, problem: ScenarioProblem): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(problem.params))
    params[name] = typeof value === 'string' && isMessageKey(value) ? translate(locale, value) : value;
  return translate(locale, 'training.cli.problem', {
    file: problem.file,
    line: problem.line,
    column: problem.column,
    reason: translate(locale, problem.reason, params),
  });
}
