import type { trainingScenarios as es } from '../es/trainingScenarios';

/** Escenaris de formació com a dades: `despacho training validate` i per què es rebutja un fitxer d'escenari. */
export const trainingScenarios: Record<keyof typeof es, string> = {
  'training.cli.usage':
    'Ús: despacho training validate FITXER.yaml...\n' +
    '  Comprova escenaris de formació (resources/training/scenarios/*.yaml): si un escenari no és vàlid,\n' +
    '  indica el fitxer, la línia i el motiu. Ix amb 0 si tots són vàlids i amb 1 si algun no ho és.\n' +
    'Ús: despacho training records --format csv|pdf --out FITXER ...\n' +
    '  Exporta els escenaris completats, o el certificat signat d’una persona (despacho training records --help).',
  'training.cli.unknownSubcommand':
    'Orde desconeguda: training {name}. Les que hi ha són: training validate i training records.',
  'training.cli.noFiles': 'Indiqueu almenys un fitxer d’escenari.',
  'training.cli.valid': '{file}: escenari «{id}» versió {version} vàlid ({count} passos).',
  'training.cli.valid.one': '{file}: escenari «{id}» versió {version} vàlid ({count} pas).',
  'training.cli.problem': '{file}:{line}:{column}: {reason}',
  'training.cli.summaryInvalid': '{invalid} de {total} fitxers no són vàlids.',
  'training.scenario.reason.unreadable': 'no es pot llegir el fitxer ({detail}).',
  'training.scenario.reason.yaml': 'error de sintaxi YAML ({detail}).',
  'training.scenario.yaml.BAD_INDENT':
    'el sagnat no és l’esperat: alineeu la línia amb les del mateix nivell (BAD_INDENT).',
  'training.scenario.yaml.TAB_AS_INDENT': 'sagnat amb tabuladors: useu espais (TAB_AS_INDENT).',
  'training.scenario.yaml.DUPLICATE_KEY': 'un camp apareix dues vegades en el mateix mapa (DUPLICATE_KEY).',
  'training.scenario.yaml.MISSING_CHAR':
    'falta un caràcter de tancament, com «]», «}» o unes cometes (MISSING_CHAR).',
  'training.scenario.yaml.UNEXPECTED_TOKEN': 'hi ha un caràcter on no s’espera (UNEXPECTED_TOKEN).',
  'training.scenario.yaml.BAD_DQ_ESCAPE':
    'una seqüència d’escapament no vàlida entre cometes dobles (BAD_DQ_ESCAPE).',
  'training.scenario.yaml.MULTILINE_IMPLICIT_KEY':
    'un camp ocupa més d’una línia o li falta «:» (MULTILINE_IMPLICIT_KEY).',
  'training.scenario.yaml.BLOCK_AS_IMPLICIT_KEY':
    'un bloc s’usa com a nom de camp: li falta «:» o el sagnat (BLOCK_AS_IMPLICIT_KEY).',
  'training.scenario.yaml.MULTIPLE_DOCS':
    'el fitxer té més d’un document («---»): un escenari per fitxer (MULTIPLE_DOCS).',
  'training.scenario.yaml.BAD_ALIAS':
    'un àlies («*nom») no correspon a cap àncora («&nom») anterior (BAD_ALIAS).',
  'training.scenario.yaml.TOO_MANY_ALIASES':
    'els àlies es multipliquen més enllà del que és raonable: el fitxer es rebutja (TOO_MANY_ALIASES).',
  'training.scenario.reason.notAMapping': "l'escenari ha de ser un mapa de camps (id, version, title...).",
  'training.scenario.reason.missing': 'falta el camp «{field}».',
  'training.scenario.reason.wrongType': 'el camp «{field}» ha de ser {expected}.',
  'training.scenario.reason.notOneOf': 'el valor de «{field}» ha de ser un de: {values}.',
  'training.scenario.reason.badFormat':
    'el valor de «{field}» no té la forma esperada (per exemple: {example}).',
  'training.scenario.reason.tooSmall': 'el valor de «{field}» és massa xicotet (mínim {minimum}).',
  'training.scenario.reason.tooBig': 'el valor de «{field}» és massa gran (màxim {maximum}).',
  'training.scenario.reason.tooFew': '«{field}» necessita almenys {minimum} elements.',
  'training.scenario.reason.empty': 'el camp «{field}» està buit.',
  'training.scenario.reason.unknownKeys': 'camp desconegut: {keys}.',
  'training.scenario.reason.unknownCase':
    "«{alias}» no és cap dels casos de l'escenari (fixtures.cases: {known}).",
  'training.scenario.reason.repeatedId': "l'identificador «{id}» està repetit.",
  'training.scenario.reason.passMark':
    'la nota de tall ({passMark}) és major que el nombre de passos ({steps}).',
  'training.scenario.reason.repeatedScenario': "l'escenari «{id}» ja està definit en {other}.",
  'training.scenario.reason.invalid': 'el valor de «{field}» no és vàlid.',
  'training.scenario.expected.string': 'un text',
  'training.scenario.expected.number': 'un número',
  'training.scenario.expected.boolean': 'true o false',
  'training.scenario.expected.object': 'un mapa de camps',
  'training.scenario.expected.array': 'una llista',
  'training.scenario.expected.other': "d'un altre tipus",
};
