/** Training scenarios as data: `despacho training validate` and why a scenario file is refused. */
export const trainingScenarios = {
  'training.cli.usage':
    'Uso: despacho training validate FICHERO.yaml...\n' +
    '  Comprueba escenarios de formación (resources/training/scenarios/*.yaml): si un escenario no es válido,\n' +
    '  indica el fichero, la línea y el motivo. Sale con 0 si todos son válidos y con 1 si alguno no lo es.\n' +
    'Uso: despacho training records --format csv|pdf --out FICHERO ...\n' +
    '  Exporta los escenarios completados, o el certificado firmado de una persona (despacho training records --help).',
  'training.cli.unknownSubcommand':
    'Orden desconocida: training {name}. Las que hay son: training validate y training records.',
  'training.cli.noFiles': 'Indique al menos un fichero de escenario.',
  'training.cli.valid': '{file}: escenario «{id}» versión {version} válido ({count} pasos).',
  'training.cli.valid.one': '{file}: escenario «{id}» versión {version} válido ({count} paso).',
  'training.cli.problem': '{file}:{line}:{column}: {reason}',
  'training.cli.summaryInvalid': '{invalid} de {total} ficheros no son válidos.',
  'training.scenario.reason.unreadable': 'no se puede leer el fichero ({detail}).',
  'training.scenario.reason.yaml': 'error de sintaxis YAML ({detail}).',
  'training.scenario.yaml.BAD_INDENT':
    'la sangría no es la esperada: alinee la línea con las de su mismo nivel (BAD_INDENT).',
  'training.scenario.yaml.TAB_AS_INDENT': 'sangría con tabuladores: use espacios (TAB_AS_INDENT).',
  'training.scenario.yaml.DUPLICATE_KEY': 'un campo aparece dos veces en el mismo mapa (DUPLICATE_KEY).',
  'training.scenario.yaml.MISSING_CHAR':
    'falta un carácter de cierre, como «]», «}» o unas comillas (MISSING_CHAR).',
  'training.scenario.yaml.UNEXPECTED_TOKEN': 'hay un carácter donde no se espera (UNEXPECTED_TOKEN).',
  'training.scenario.yaml.BAD_DQ_ESCAPE':
    'una secuencia de escape no válida entre comillas dobles (BAD_DQ_ESCAPE).',
  'training.scenario.yaml.MULTILINE_IMPLICIT_KEY':
    'un campo ocupa más de una línea o le falta «:» (MULTILINE_IMPLICIT_KEY).',
  'training.scenario.yaml.BLOCK_AS_IMPLICIT_KEY':
    'un bloque se usa como nombre de campo: le falta «:» o la sangría (BLOCK_AS_IMPLICIT_KEY).',
  'training.scenario.yaml.MULTIPLE_DOCS':
    'el fichero tiene más de un documento («---»): un escenario por fichero (MULTIPLE_DOCS).',
  'training.scenario.yaml.BAD_ALIAS':
    'un alias («*nombre») no corresponde a ningún ancla («&nombre») anterior (BAD_ALIAS).',
  'training.scenario.yaml.TOO_MANY_ALIASES':
    'los alias se multiplican más allá de lo razonable: el fichero se rechaza (TOO_MANY_ALIASES).',
  'training.scenario.reason.notAMapping': 'el escenario debe ser un mapa de campos (id, version, title...).',
  'training.scenario.reason.missing': 'falta el campo «{field}».',
  'training.scenario.reason.wrongType': 'el campo «{field}» debe ser {expected}.',
  'training.scenario.reason.notOneOf': 'el valor de «{field}» debe ser uno de: {values}.',
  'training.scenario.reason.badFormat':
    'el valor de «{field}» no tiene la forma esperada (por ejemplo: {example}).',
  'training.scenario.reason.tooSmall': 'el valor de «{field}» es demasiado pequeño (mínimo {minimum}).',
  'training.scenario.reason.tooBig': 'el valor de «{field}» es demasiado grande (máximo {maximum}).',
  'training.scenario.reason.tooFew': '«{field}» necesita al menos {minimum} elementos.',
  'training.scenario.reason.empty': 'el campo «{field}» está vacío.',
  'training.scenario.reason.unknownKeys': 'campo desconocido: {keys}.',
  'training.scenario.reason.unknownCase':
    '«{alias}» no es ninguno de los casos del escenario (fixtures.cases: {known}).',
  'training.scenario.reason.repeatedId': 'el identificador «{id}» está repetido.',
  'training.scenario.reason.passMark':
    'la nota de corte ({passMark}) es mayor que el número de pasos ({steps}).',
  'training.scenario.reason.repeatedScenario': 'el escenario «{id}» ya está definido en {other}.',
  'training.scenario.reason.invalid': 'el valor de «{field}» no es válido.',
  'training.scenario.expected.string': 'un texto',
  'training.scenario.expected.number': 'un número',
  'training.scenario.expected.boolean': 'true o false',
  'training.scenario.expected.object': 'un mapa de campos',
  'training.scenario.expected.array': 'una lista',
  'training.scenario.expected.other': 'de otro tipo',
} as const;
