import type { CaseFilter } from '../../../shared/api/index';
import { withoutControlCharacters } from '../../../shared/api/text';
import { caseStates, openStates, type CaseState, type QueueName } from '../../../shared/domain/cases';

export type SortOrder = 'due_asc' | 'due_desc';

/** What the processor set on the queues screen; kept while they visit a case. */
export interface QueueView {
  procedureCode: string;
  state: CaseState | '';
  text: string;
  sort: SortOrder;
  activeIndex: number;
}

export const initialQueueView: QueueView = {
  procedureCode: '',
  state: '',
  text: '',
  sort: 'due_asc',
  activeIndex: 0,
};

/** The states a queue can hold: only "all" holds closed cases, so only it offers their states. */
export const statesOf = (queue: QueueName): readonly CaseState[] =>
  queue === 'all' ? caseStates : openStates;

/**
 * The contract filter for a view in a queue: empty fields are no filter at all, a closed state
 * chosen in "all" does not follow the user to a queue that cannot hold it, and a pasted tab or
 * line break is a space (the contract refuses control characters).
 */
export function toCaseFilter(
  view: Pick<QueueView, 'procedureCode' | 'state'>,
  text: string,
  queue: QueueName,
): CaseFilter {
  const filter: CaseFilter = {};
  if (view.procedureCode) filter.procedureCode = view.procedureCode;
  if (view.state && statesOf(queue).includes(view.state)) filter.state = view.state;
  const trimmed = withoutControlCharacters(text).trim().slice(0, 100);
  if (trimmed) filter.text = trimmed;
  return filter;
}

/** Changing what is listed puts the active row back at the top. */
export function updateView(view: QueueView, patch: Partial<Omit<QueueView, 'activeIndex'>>): QueueView {
  return { ...view, ...patch, activeIndex: 0 };
}
