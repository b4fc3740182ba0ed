import { describe, expect, it } from 'vitest';
import { despachoRun } from '../../support/despacho-command';

/** The real command, as a user runs it from the checkout. */
const deadline = (args: string[], lang: 'es' | 'ca-valencia' = 'es') =>
  despachoRun(['deadline', ...args], { lang });

// Each case spawns the command (about two seconds here): they run side by side.
describe.concurrent('despacho deadline', { timeout: 60_000 }, () => {
  it.each([
    [['--from', '2026-03-27', '--days', '10'], '2026-04-15', 'miércoles, 15 de abril de 2026', 'art. 30)'],
    [
      ['--filed', '2025-12-31T23:30:00Z', '--days', '10'],
      '2026-01-16',
      'jueves, 1 de enero de 2026 a las 00:30',
      'art. 30)',
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
      'El 16 de abril es festivo en el municipio del interesado, Alicante',
    ],
    [
      ['--filed', '2026-04-10', '--days', '1', '--municipality', 'alicante'],
      '2026-04-13',
      'lunes, 13 de abril de 2026',
      'art. 30)',
    ],
  ])('%j prints %s in Spanish with the rule that applied', async (args, iso, spelled, rule) => {
    const { code, stdout } = await deadline(args);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain(`(${iso})`);
    expect(stdout).toContain(spelled);
    expect(stdout).toContain(rule);
  });

  it('art. 31.2.c: --filed on Saturday 7 March 2026 starts the term to resolve that day: Monday 23 March', async () => {
    const { code, stdout } = await deadline(['--filed', '2026-03-07T09:15:00Z', '--days', '10']);
    expect(code).toBe(0);
    expect(stdout).toContain('Vencimiento: lunes, 23 de marzo de 2026 (2026-03-23).');
    expect(stdout).toContain(
      'Inicio: entrada en el registro el sábado, 7 de marzo de 2026 a las 10:15 (hora de Madrid). El plazo para resolver y notificar cuenta desde esa fecha y hora, aunque sea día inhábil (art. 21.3.b y 31.2.c)',
    );
    expect(stdout).toContain(
      '- jueves, 19 de marzo de 2026: San José, fiesta autonómica (Comunitat Valenciana)',
    );
  });

  it('art. 31.3: an Alicante resident filing on Santa Faz (16 April 2026) is not moved: 10 days end 30 April', async () => {
    const { code, stdout } = await deadline([
      '--filed',
      '2026-04-16T08:00:00Z',
      '--days',
      '10',
      '--applicant-municipality',
      'Alacant',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('(2026-04-30)');
    expect(stdout).toContain('entrada en el registro el jueves, 16 de abril de 2026 a las 10:00');
    expect(stdout).not.toContain('Santa Faz');
  });

  it('art. 68: --notified on Saturday 7 March 2026 counts 10 business days from Sunday 8: Monday 23 March', async () => {
    const { code, stdout } = await deadline(['--notified', '2026-03-07', '--days', '10']);
    expect(code).toBe(0);
    expect(stdout).toContain('(2026-03-23)');
    expect(stdout).toContain(
      'Inicio: notificación el sábado, 7 de marzo de 2026. El plazo cuenta desde el día siguiente',
    );
  });

  it('art. 22.1.a: --suspended extends the Saturday-holiday end of 15 August 2026 by 10 days: 25 August, in JSON', async () => {
    const { code, stdout } = await deadline([
      '--filed',
      '2026-05-15',
      '--months',
      '3',
      '--suspended',
      '2026-06-01..2026-06-11',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      start: 'registry_entry',
      startsOn: '2026-05-15',
      nominalEnd: '2026-08-15',
      suspensions: [{ from: '2026-06-01', to: '2026-06-11', days: 10 }],
      extendedEnd: '2026-08-25',
      dueDate: '2026-08-25',
      rules: ['suspended'],
      provisional: false,
    });
    expect(JSON.parse(stdout).registeredAt).toBeUndefined();
  });

  it('art. 22.1.a: two --suspended add up, explained in Valencian', async () => {
    const { code, stdout } = await deadline(
      [
        '--filed',
        '2026-02-02',
        '--months',
        '3',
        '--suspended',
        '2026-02-10..2026-02-20',
        '--suspended=2026-03-02..2026-03-05',
      ],
      'ca-valencia',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Venciment: divendres, 15 de maig de 2026 (2026-05-15).');
    expect(stdout).toContain('s’amplia en 13 dies naturals suspesos');
  });

  it('art. 30.6: an applicant from València: 22 January 2026 (San Vicente Mártir) is skipped, 10 days from 9 January end on 26 January', async () => {
    const { code, stdout } = await deadline([
      '--filed',
      '2026-01-09',
      '--days',
      '10',
      '--applicant-municipality',
      'València',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('(2026-01-26)');
    expect(stdout).toContain('El 22 de enero es festivo en el municipio del interesado, València');
    expect(stdout).not.toContain('no hay calendario local');
  });

  it('art. 30.6: an applicant from Madrid (INE 28079): 2 April 2026 is skipped, and the output says its local holidays are not counted', async () => {
    const { code, stdout } = await deadline([
      '--filed',
      '2026-03-27',
      '--days',
      '5',
      '--applicant-municipality',
      '28079',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('(2026-04-08)');
    expect(stdout).toContain(
      'jueves, 2 de abril de 2026: Jueves Santo, fiesta autonómica (Comunidad de Madrid)',
    );
    expect(stdout).toContain(
      'Aviso: no hay calendario local de 28079: sus festivos no se cuentan (art. 30.6).',
    );
  });

  it('says when a due date depends on a provisional year, with the date', async () => {
    const { code, stdout } = await deadline(['--filed', '2026-11-30', '--months', '3'], 'ca-valencia');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Avís: el venciment del dilluns, 1 de març de 2027 depén d’un calendari provisional (nacional, 2027): Assumed until the BOE resolution',
    );
    const json = JSON.parse((await deadline(['--filed', '2026-11-30', '--months', '3', '--json'])).stdout);
    expect(json.provisional).toBe(true);
  });

  it('speaks Valencian with DESPACHO_LANG=ca-valencia', async () => {
    const { code, stdout } = await deadline(['--from', '2026-01-31', '--months', '1'], 'ca-valencia');
    expect(code).toBe(0);
    expect(stdout).toContain('Venciment: dilluns, 2 de març de 2026 (2026-03-02).');
    expect(stdout).toContain('El mes de venciment no té eixe dia');
    expect(stdout).toContain('L’últim dia (dissabte, 28 de febrer de 2026) és inhàbil');
  });

  it.each([
    [['--from', '2027-12-20', '--days', '10'], 'es', 'No hay calendario de días inhábiles para 2028'],
    [
      ['--notified', '2027-12-01', '--months', '1'],
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
    [['--filed', '2026-03-02T10:00:00', '--days', '3'], 'es', 'con zona horaria'],
    [['--notified', '2026-03-02T10:00:00Z', '--days', '3'], 'es', 'no es una fecha de notificación'],
    [['--days', '3'], 'es', 'Indique el inicio del plazo'],
    [['--filed', '2026-03-02', '--notified', '2026-03-02', '--days', '3'], 'ca-valencia', 'un sol inici'],
    [['--from', '2026-03-02', '--days', '3', '--months', '1'], 'es', 'exactamente un plazo'],
    [['--from', '2026-03-02', '--days', '3', '--months', '1'], 'ca-valencia', 'exactament un termini'],
    [['--from', '2026-03-02', '--days', 'diez'], 'ca-valencia', 'nombre enter positiu'],
    [['--filed', '2026-03-02', '--months', '3', '--suspended', '2026-03-10'], 'es', 'DESDE..HASTA'],
    [
      ['--filed', '2026-03-02', '--months', '3', '--suspended', '2026-03-10..2026-03-05'],
      'es',
      'no encajan en el plazo',
    ],
    [
      ['--from', '2026-03-02', '--days', '3', '--municipality', 'madrid'],
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
