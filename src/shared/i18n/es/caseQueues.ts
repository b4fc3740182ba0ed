/** The "all cases" view, suspended and closed terms, claim-next per queue and reassignment. */
export const caseQueues = {
  'queues.name.all': 'Todos los expedientes',
  'queues.filter.stateOpenOnly': 'Los expedientes cerrados están en «Todos los expedientes».',
  'queues.termSuspended': 'Plazo suspendido',
  'queues.closedOn': 'Cerrado el {date}',
  'queues.claimNextNoneIn': 'No hay expedientes sin asignar en «{queue}» con estos filtros.',
  'reassign.open': 'Reasignar',
  'reassign.title': 'Reasignar el expediente {number}',
  'reassign.current': 'Ahora lo tramita: {name}.',
  'reassign.currentNobody': 'Ahora no lo tramita nadie.',
  'reassign.to': 'Nueva persona tramitadora',
  'reassign.choose': 'Elija una persona',
  'reassign.reason': 'Motivo',
  'reassign.reasonHint': 'Obligatorio, hasta {max} caracteres. Queda en el historial del expediente.',
  'reassign.submit': 'Reasignar',
  'reassign.cancel': 'Cancelar',
  'reassign.targetRequired': 'Elija a quién se reasigna el expediente.',
  'reassign.reasonRequired': 'Escriba el motivo de la reasignación.',
  'reassign.noColleagues': 'No hay otras personas tramitadoras activas en el servicio.',
  'reassign.done': 'El expediente {number} se ha reasignado a {name}.',
  'reassign.conflict':
    'Otra persona ha cambiado este expediente mientras tanto. Se muestran los datos actuales: revíselos y vuelva a intentarlo.',
  'errors.reassign_target_not_eligible':
    'Solo se puede reasignar a una persona tramitadora activa del mismo servicio.',
  'history.action.case.reassigned': 'Reasigna el expediente',
} as const;
