import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { packageRoot } from '../../../src/main/package-root';
import { tourTargetIds } from '../../../src/shared/training/tour-targets';

const rendererDir = join(packageRoot, 'src', 'renderer');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `data-tour="id"` attribute written in the renderer's sources (not a selector built from a variable), with its files. */
function renderedTourIds(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourcesUnder(rendererDir))
    for (const match of readFileSync(file, 'utf8').matchAll(/data-tour="([a-z][a-z0-9.-]*)"/g))
      found.set(match[1]!, [...(found.get(match[1]!) ?? []), relative(packageRoot, file)]);
  return found;
}

describe('the data-tour registry', () => {
  const rendered = renderedTourIds();

  it('lists each id once', () => {
    expect(new Set(tourTargetIds).size).toBe(tourTargetIds.length);
  });

  it('names only elements that the renderer has, each on one element', () => {
    const missing = tourTargetIds.filter((id) => !rendered.has(id));
    expect(missing).toEqual([]);
    const onSeveral = [...rendered].filter(([, files]) => files.length > 1);
    expect(onSeveral).toEqual([]);
  });

  it('is the only place ids come from: the renderer has no data-tour it does not list', () => {
    const unlisted = [...rendered.keys()].filter((id) => !(tourTargetIds as readonly string[]).includes(id));
    expect(unlisted).toEqual([]);
  });

  it('holds the target of every step of every shipped scenario, and of what each step scrolls to', async () => {
    const scenarios = await loadScenarios();
    const targets = scenarios.flatMap((scenario) =>
      scenario.steps.flatMap((step) => [
        step.target,
        ...(step.reveal.scrollTo ? [step.reveal.scrollTo] : []),
      ]),
    );
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !rendered.has(target))).toEqual([]);
  });
});
