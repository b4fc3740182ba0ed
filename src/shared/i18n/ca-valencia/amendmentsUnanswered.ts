import type { amendmentsUnanswered as es } from '../es/amendmentsUnanswered';

/** An amendment request closed unanswered when its term ended and the case was deemed withdrawn (art. 68.1). */
export const amendmentsUnanswered: Record<keyof typeof es, string> = {
  'amendments.state.unanswered': 'Sense resposta: termini vençut',
  'errors.invalid_transition.amendment_closed_unanswered':
    'El requeriment d’esmena es va tancar sense resposta en tindre’s per desistida la sol·licitud (art. 68.1).',
  'history.action.amendment.closed_unanswered':
    'Tanca sense resposta el requeriment d’esmena: la suspensió acaba el {endsOn}',
};
