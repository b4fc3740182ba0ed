import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { despachoArgv } from '../../support/despacho-command';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real command, as a user runs it from the checkout. */
function deadline(args: string[], lang: 'es' | 'ca-valencia' = 'es'): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      ...despachoArgv(['deadline', ...args]),
      { env: { ...process.env, DESPACHO_LANG: lang, LC_ALL: '', LANG: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// Each case spawns the command (about two seconds here): they run side by side.
describe.concurrent('despacho deadline', { timeout: 60_000 }, () => {
  it.each([
    [['--from', '2026-03-27', '--days', '10'], '2026-04-15', 'miércoles, 15 de abril de 2026', 'art. 30)'],
    [
      ['--from', '2025-12-31T23:30:00Z', '--days', '10'],
      '2026-01-19',
      'jueves, 1 de enero de 2026',
      'art. 31.2',
    ],
    [
      ['--from', '2026-03-27', '--natural-days', '10'],
      '2026-04-07',
      'lunes, 6 de abril de 2026',
      'art. 30.5',
    ],
    [
      ['--from=2026-04-08', '--days=10', '--applicant-municipality', 'alicante'],
      '2026-04-24',
      'viernes, 24 de abril de 2026',
      'art. 30)',
    ],
    [
      ['--from', '2026-04-10', '--days', '1', '--municipality', 'alicante'],
      '2026-04-13',
      'lunes, 13 de abril de 2026',
      'art. 30)',
    ],
  ])('%j prints %s in Spanish with the rule that applied', async (args, iso, spelled, rule) => {
    const { code, stdout } = await deadline(args);
    expect(code).toBe(0);
    const [due, why] = stdout.trim().split('\n');
    expect(due).toContain(`(${iso})`);
    expect(stdout).toContain(spelled);
    expect(why).toContain(rule);
  });

  it('speaks Valencian with DESPACHO_LANG=ca-valencia', async () => {
    const { code, stdout } = await deadline(['--from', '2026-01-31', '--months', '1'], 'ca-valencia');
    expect(code).toBe(0);
    expect(stdout).toContain('Venciment: dilluns, 2 de març del 2026 (2026-03-02).');
    expect(stdout).toContain('Presentat en dia inhàbil (dissabte, 31 de gener del 2026)');
  });

  it.each([
    [['--from', '2027-12-20', '--days', '10'], 'es', 'No hay calendario de días inhábiles para 2028'],
    [
      ['--from', '2027-12-01', '--months', '1'],
      'ca-valencia',
      'No hi ha calendari de dies inhàbils per a 2028',
    ],
  ] as const)('%j in %s exits 3 for a year without calendar', async (args, lang, message) => {
    const { code, stderr, stdout } = await deadline([...args], lang);
    expect(code).toBe(3);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it.each([
    [['--from', '2026-02-30', '--days', '3'], 'es', '«2026-02-30» no es una fecha'],
    [['--from', '2026-03-02T10:00:00', '--days', '3'], 'es', 'con zona horaria'],
    [['--days', '3'], 'es', 'Falta --from'],
    [['--from', '2026-03-02', '--days', '3', '--months', '1'], 'es', 'exactamente un plazo'],
    [['--from', '2026-03-02', '--days', '3', '--months', '1'], 'ca-valencia', 'exactament un termini'],
    [['--from', '2026-03-02', '--days', 'diez'], 'ca-valencia', 'nombre enter positiu'],
    [['--from', '2026-03-02', '--days', '3', '--applicant-municipality', 'madrid'], 'es', 'alicante, elche'],
    [
      ['--from', '2026-03-02', '--days', '3', '--municipality', 'valencia'],
      'ca-valencia',
      'No hi ha calendari local',
    ],
    [['--from', '2026-03-02', '--weeks', '3'], 'es', 'Opción desconocida: --weeks'],
    [[], 'es', 'Uso: despacho deadline'],
    [[], 'ca-valencia', 'Ús: despacho deadline'],
  ] as const)('%j in %s exits 2 with a clear message', async (args, lang, message) => {
    const { code, stderr, stdout } = await deadline([...args], lang);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });
});
