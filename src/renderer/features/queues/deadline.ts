import type { MessageKey } from '../../../shared/i18n/index';
import { dueSoonBusinessDays } from '../../../shared/domain/cases';

export type DeadlineTone = 'overdue' | 'soon' | 'ok';

/** How a case's remaining business days read: the tone colours it, the words carry the meaning. */
export function deadlineStatus(businessDaysLeft: number): {
  tone: DeadlineTone;
  key: MessageKey;
  count: number;
} {
  if (businessDaysLeft < 0) return { tone: 'overdue', key: 'queues.overdueBy', count: -businessDaysLeft };
  if (businessDaysLeft === 0) return { tone: 'soon', key: 'queues.dueToday', count: 0 };
  return {
    tone: businessDaysLeft <= dueSoonBusinessDays ? 'soon' : 'ok',
    key: 'queues.daysLeft',
    count: businessDaysLeft,
  };
}
