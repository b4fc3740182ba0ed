import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/main/training/scenarios/parse';

/**
 * A scenario file is data a city hall edits and a desk reads: a "billion laughs" file, whose aliases
 * multiply into millions of nodes, is refused with its reason instead of exhausting the desk's memory.
 */
describe('training scenario files with alias bombs', () => {
  it('are refused at line 1 with the reason, without being expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const parsed = parseScenario(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          file: 'bomb.yaml',
          line: 1,
          column: 1,
          reason: 'training.scenario.yaml.TOO_MANY_ALIASES',
          params: { detail: 'TOO_MANY_ALIASES' },
        },
      ],
    });
  });

  it('may still reuse a text through an anchor', () => {
    const parsed = parseScenario('id: &same practice\ntitle: *same\n', 'anchors.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.params.detail)).not.toContain('TOO_MANY_ALIASES');
  });
});
