import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedScenariosDir } from '../../../src/main/training/scenarios/load';
import { despachoRun } from '../../support/despacho-command';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-training-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shipped = join(shippedScenariosDir, '01-claim-and-review.yaml');

// Each case spawns the command: they run side by side, with room for a busy machine.
describe.concurrent('despacho training validate', { timeout: 60_000 }, () => {
  it('says a valid scenario is valid and exits 0', async () => {
    const { code, stdout } = await despachoRun(['training', 'validate', shipped]);
    expect(code).toBe(0);
    expect(stdout).toContain('escenario «claim-and-review» versión');
  });

  it('names the file, the line and the reason of a broken one, in Valencian too, and exits 1', async () => {
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'id: broken\nversion: 1\nversion: 2\n');
    const { code, stderr } = await despachoRun(['training', 'validate', shipped, broken], {
      lang: 'ca-valencia',
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${broken}:3:1: un camp apareix dues vegades en el mateix mapa (DUPLICATE_KEY).`,
    );
    expect(stderr).toContain('1 de 2 fitxers no són vàlids.');
  });

  it('refuses a file that is not there as unreadable, at line 1', async () => {
    const missing = join(scratch, 'missing.yaml');
    const { code, stderr } = await despachoRun(['training', 'validate', missing]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${missing}:1:1: no se puede leer el fichero (ENOENT).`);
  });

  it('without files, or with another subcommand, shows its usage and exits 2', async () => {
    const none = await despachoRun(['training', 'validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Indique al menos un fichero de escenario.');
    const other = await despachoRun(['training', 'run']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('training run');
  });
});
