/** Training mode: the practice card and what a training desk refuses. */
export const training = {
  'signFlow.diagnostics.source.practice': 'tarjeta de prácticas (modo formación)',
  'errors.pkcs11_module_invalid.training':
    'En el modo formación solo se firma con la tarjeta de prácticas: este puesto no carga ningún módulo PKCS#11 ni ninguna tarjeta real. Para firmar de verdad, salga del modo formación.',
  'errors.storage_not_a_training_sandbox':
    'La carpeta {path} no es un entorno de formación (tiene otros datos, quizá los reales): el modo formación no la abre ni la toca. Indique con --data una carpeta nueva o vacía.',
  'host.serve.training':
    'MODO FORMACIÓN: datos inventados en {path}, firmas con la tarjeta de prácticas (PIN {pin}), sin validez.',
  'training.banner.mode': 'MODO FORMACIÓN',
  'training.banner.explanation':
    'Casos inventados y tarjeta de prácticas: nada de lo que haga aquí tiene validez ni toca los datos reales.',
  'training.watermark': 'FORMACIÓN — SIN VALIDEZ',
  'training.menu.start': 'Modo formación',
  'training.menu.leave': 'Salir del modo formación',
  'training.window.title': 'Despacho — MODO FORMACIÓN',
  'training.card.out': 'La tarjeta de prácticas está fuera del lector.',
  'training.card.insert': 'Volver a insertar la tarjeta de prácticas',
  'training.card.inserted': 'La tarjeta de prácticas vuelve a estar en el lector.',
  'training.time': 'Tiempo: {time}.',
} as const;
