/** Signing in the app: the signing screen, the PIN dialog, the card diagnostics and the stamp. */
export const signFlow = {
  'signFlow.stamp.onBehalfOf': 'Por sustitución de {name}',
  'signFlow.failure.cancelled': 'No se ha firmado: se canceló el lote antes de llegar a este documento.',
} as const;
