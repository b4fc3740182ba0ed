import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioProblem } from '../../../src/main/training/scenarios/parse';
import {
  loadScenarios,
  ScenariosInvalidError,
  scenarioProblemText,
} from '../../../src/main/training/scenarios/load';

/** A valid scenario, line by line, for the tests to break one line at a time. */
const valid = [
  'id: practice', //                                      1
  'version: 2', //                                        2
  'title: { es: Practicar, ca-valencia: Practicar }', //   3
  'description: { es: Una práctica., ca-valencia: Una pràctica. }', // 4
  'role: processor', //                                   5
  'fixtures:', //                                         6
  '  trainee: urb-02', //                                 7
  '  cases:', //                                          8
  '    caso: { state: registered, assignee: nobody }', // 9
  'steps:', //                                            10
  '  - id: claim', //                                     11
  '    instruction: { es: Asumir., ca-valencia: Assumir. }', // 12
  '    target: case.claim', //                            13
  '    reveal:', //                                       14
  '      route: { screen: case, case: caso }', //         15
  '    completion:', //                                   16
  '      event: cases.claim', //                          17
  '      check: { id: case_claimed_by_trainee, case: caso }', // 18
  '    hint: { text: { es: Arriba., ca-valencia: Dalt. } }', // 19
  'assessment: { passMark: 1 }', //                       20
];
const text = (lines: string[]) => `${lines.join('\n')}\n`;
const withLine = (line: number, content: string) =>
  valid.map((old, index) => (index === line - 1 ? content : old));

function problemsOf(source: string): ScenarioProblem[] {
  const parsed = parseScenario(source, 'practice.yaml');
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.problems;
}

describe('a training scenario file', () => {
  it('is read with its defaults filled in', () => {
    const parsed = parseScenario(text(valid), 'practice.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.version).toBe(2);
    expect(parsed.scenario.fixtures.cases.caso).toEqual({ state: 'registered', assignee: 'nobody', pick: 0 });
    expect(parsed.scenario.steps[0]!.hint.afterSeconds).toBe(45);
    expect(parsed.scenario.steps[0]!.mistakes).toEqual([]);
  });

  it('with a YAML syntax error is refused at the line of the error', () => {
    const [problem] = problemsOf(text(withLine(13, '    target: [case.claim')));
    expect(problem).toMatchObject({
      file: 'practice.yaml',
      reason: expect.stringMatching(/^training\.scenario\.yaml\.[A-Z_]+$/),
    });
    expect(problem!.line).toBeGreaterThanOrEqual(13);
    expect(problem!.line).toBeLessThanOrEqual(14);
  });

  it('with a key written twice is refused at the second one', () => {
    const problems = problemsOf(text([...valid.slice(0, 2), 'version: 3', ...valid.slice(2)]));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        column: 1,
        reason: 'training.scenario.yaml.DUPLICATE_KEY',
        params: { detail: 'DUPLICATE_KEY' },
      }),
    ]);
  });

  it('pointing at a target that is not in the registry is refused at the target line', () => {
    const problems = problemsOf(text(withLine(13, '    target: case.sign-with-telepathy')));
    expect(problems).toEqual([
      expect.objectContaining({ line: 13, column: 5, reason: 'training.scenario.reason.notOneOf' }),
    ]);
    expect(problems[0]!.params.field).toBe('steps[0].target');
  });

  it('with an unknown field is refused at that field', () => {
    const problems = problemsOf(text([...valid.slice(0, 12), '    colour: red', ...valid.slice(12)]));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 13,
        column: 5,
        reason: 'training.scenario.reason.unknownKeys',
        params: { keys: 'colour' },
      }),
    ]);
  });

  it('naming a case that is not among its fixtures is refused at that name', () => {
    const problems = problemsOf(
      text(withLine(18, '      check: { id: case_claimed_by_trainee, case: otro }')),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 18,
        reason: 'training.scenario.reason.unknownCase',
        params: { alias: 'otro', known: 'caso' },
      }),
    ]);
  });

  it('with an outcome check nobody implements is refused at its id', () => {
    const problems = problemsOf(text(withLine(18, '      check: { id: case_looked_at, case: caso }')));
    expect(problems).toEqual([
      expect.objectContaining({ line: 18, reason: 'training.scenario.reason.notOneOf' }),
    ]);
    expect(problems[0]!.params.values).toContain('amendment_requested');
  });

  it('completed by something that is not a domain event is refused at the event', () => {
    const problems = problemsOf(text(withLine(17, '      event: button.clicked')));
    expect(problems).toEqual([
      expect.objectContaining({ line: 17, reason: 'training.scenario.reason.notOneOf' }),
    ]);
  });

  it('missing a translation is refused at the text that lacks it', () => {
    const problems = problemsOf(text(withLine(12, '    instruction: { es: Asumir. }')));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 12,
        reason: 'training.scenario.reason.missing',
        params: { field: 'steps[0].instruction.ca-valencia' },
      }),
    ]);
  });

  it('whose pass mark is above its number of outcomes is refused at the pass mark', () => {
    const problems = problemsOf(text(withLine(20, 'assessment: { passMark: 2 }')));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 20,
        reason: 'training.scenario.reason.passMark',
        params: { passMark: 2, steps: 1 },
      }),
    ]);
  });

  it('that is not a mapping at all is refused at line 1', () => {
    expect(problemsOf('- just\n- a list\n')).toEqual([
      expect.objectContaining({ line: 1, reason: 'training.scenario.reason.notAMapping' }),
    ]);
  });

  it('says its problems in Spanish and in Valencian, with the file and line', () => {
    const [problem] = problemsOf(text(withLine(2, 'version: dos')));
    expect(scenarioProblemText('es', problem!)).toBe(
      'practice.yaml:2:1: el campo «version» debe ser un número.',
    );
    expect(scenarioProblemText('ca-valencia', problem!)).toBe(
      'practice.yaml:2:1: el camp «version» ha de ser un número.',
    );
  });
});

describe('a folder of scenarios', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-scenarios-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('with two files of one scenario id is refused as a whole, naming both files', async () => {
    const dir = join(scratch, 'twice');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), text(valid));
    writeFileSync(join(dir, 'b.yaml'), text(valid));
    const error = await loadScenarios(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenariosInvalidError);
    expect((error as ScenariosInvalidError).problems).toEqual([
      expect.objectContaining({
        file: join(dir, 'b.yaml'),
        reason: 'training.scenario.reason.repeatedScenario',
        params: { id: 'practice', other: join(dir, 'a.yaml') },
      }),
    ]);
  });
});
