import type { MessageKey } from '../../../shared/i18n/index';

/** Catalogue keys for ENI codes (NTI): known codes have a label, others show the raw code. */
export const documentTypeKey = (code: string): string => `eni.${code}`;
export const elaborationStateKey = (code: string): string => `eni.${code}`;
export const originKey = (origin: 0 | 1): MessageKey => (origin === 0 ? 'eni.origin.0' : 'eni.origin.1');
export const historyActionKey = (action: string): string => `history.action.${action}`;
