import type { caseQueues as es } from '../es/caseQueues';

/** The "all cases" view, suspended and closed terms, claim-next per queue and reassignment. */
export const caseQueues: Record<keyof typeof es, string> = {
  'queues.name.all': 'Tots els expedients',
  'queues.filter.stateOpenOnly': 'Els expedients tancats estan en «Tots els expedients».',
  'queues.termSuspended': 'Termini suspés',
  'queues.closedOn': 'Tancat el {date}',
  'queues.claimNextNoneIn': 'No hi ha expedients sense assignar en «{queue}» amb estos filtres.',
  'reassign.open': 'Reassignar',
  'reassign.title': 'Reassignar l’expedient {number}',
  'reassign.current': 'Ara el tramita: {name}.',
  'reassign.currentNobody': 'Ara no el tramita ningú.',
  'reassign.to': 'Nova persona tramitadora',
  'reassign.choose': 'Trieu una persona',
  'reassign.reason': 'Motiu',
  'reassign.reasonHint': 'Obligatori, fins a {max} caràcters. Queda en l’historial de l’expedient.',
  'reassign.submit': 'Reassignar',
  'reassign.cancel': 'Cancel·lar',
  'reassign.targetRequired': 'Trieu a qui es reassigna l’expedient.',
  'reassign.reasonRequired': 'Escriviu el motiu de la reassignació.',
  'reassign.noColleagues': 'No hi ha altres persones tramitadores actives en el servei.',
  'reassign.done': 'L’expedient {number} s’ha reassignat a {name}.',
  'reassign.conflict':
    'Una altra persona ha canviat este expedient mentrestant. Es mostren les dades actuals: reviseu-les i torneu-ho a intentar.',
  'errors.reassign_target_not_eligible':
    'Només es pot reassignar a una persona tramitadora activa del mateix servei.',
  'history.action.case.reassigned': 'Reassigna l’expedient',
};
