import type { CaseFilter } from '../../../shared/api/index';
import { withoutControlCharacters } from '../../../shared/api/text';
import type { CaseState } from '../../../shared/domain/cases';

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

/**
 * The contract filter for a view: empty fields are no filter at all, and a pasted tab or line
 * break is a space (the contract refuses control characters).
 */
export function toCaseFilter(view: Pick<QueueView, 'procedureCode' | 'state'>, text: string): CaseFilter {
  const filter: CaseFilter = {};
  if (view.procedureCode) filter.procedureCode = view.procedureCode;
  if (view.state) filter.state = view.state;
  const trimmed = withoutControlCharacters(text).trim().slice(0, 100);
  if (trimmed) filter.text = trimmed;
  return filter;
}

/** Changing what is listed puts the active row back at the top. */
export function updateView(view: QueueView, patch: Partial<Omit<QueueView, 'activeIndex'>>): QueueView {
  return { ...view, ...patch, activeIndex: 0 };
}
