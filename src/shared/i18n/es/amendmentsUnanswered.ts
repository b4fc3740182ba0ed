/** An amendment request closed unanswered when its term ended and the case was deemed withdrawn (art. 68.1). */
export const amendmentsUnanswered = {
  'amendments.state.unanswered': 'Sin respuesta: plazo vencido',
  'errors.invalid_transition.amendment_closed_unanswered':
    'El requerimiento de subsanación se cerró sin respuesta al tenerse por desistida la solicitud (art. 68.1).',
  'history.action.amendment.closed_unanswered':
    'Cierra sin respuesta el requerimiento de subsanación: la suspensión acaba el {endsOn}',
};
