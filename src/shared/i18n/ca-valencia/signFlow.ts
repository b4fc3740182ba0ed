import type { signFlow as es } from '../es/signFlow';

export const signFlow: Record<keyof typeof es, string> = {
  'signFlow.stamp.onBehalfOf': 'Per substitució de {name}',
  'signFlow.failure.cancelled': 'No s’ha signat: es va cancel·lar el lot abans d’arribar a este document.',
};
