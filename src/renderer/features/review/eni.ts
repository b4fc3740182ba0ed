import type { HistoryEntry } from '../../../shared/api/index';
import { caseStateSchema, type CaseState } from '../../../shared/domain/cases';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index';

/** Catalogue keys for ENI codes (NTI): known codes have a label, others show the raw code. */
export const eniCodeKey = (code: string): string => `eni.${code}`;
export const originKey = (origin: 0 | 1): MessageKey => (origin === 0 ? 'eni.origin.0' : 'eni.origin.1');
export const historyActionKey = (action: string): string => `history.action.${action}`;

/**
 * Placeholders for a history sentence: the entry's details as text, with a case state (`to`)
 * named in the reader's language instead of its code.
 */
export function historyParams(entry: HistoryEntry, stateName: (state: CaseState) => string): MessageParams {
  const params: MessageParams = { action: entry.action };
  for (const [name, value] of Object.entries(entry.details)) {
    if (value === null || typeof value === 'boolean') continue;
    const state = caseStateSchema.safeParse(value);
    params[name] = name === 'to' && state.success ? stateName(state.data) : value;
  }
  return params;
}
