import type { HistoryEntry } from '../../../../shared/api/index';

export const timelineKinds = ['state', 'assignment', 'documents', 'notes', 'signatures', 'other'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** Which filter an audit action falls under, by its name (`case.claimed`, `signature.sent`…). */
export function timelineKind(action: string): TimelineKind {
  if (action === 'case.state_changed') return 'state';
  if (/^case\.(claimed|released|reassigned)$/.test(action)) return 'assignment';
  if (action === 'casework.note_added') return 'notes';
  if (action.startsWith('signature.') || action.startsWith('resolution.')) return 'signatures';
  if (action === 'casework.report_added' || action.includes('document') || action.startsWith('amendment.'))
    return 'documents';
  return 'other';
}

export interface TimelineLine {
  entry: HistoryEntry;
  kind: TimelineKind;
  /** The action in the reader's words. */
  sentence: string;
  actor: string;
}

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Newest first, of one kind (or all), whose words or actor contain `text` (case and accents aside). */
export function filterTimeline(
  lines: readonly TimelineLine[],
  kind: TimelineKind | 'all',
  text: string,
): TimelineLine[] {
  const wanted = folded(text.trim());
  return lines
    .filter((line) => kind === 'all' || line.kind === kind)
    .filter((line) => wanted === '' || folded(`${line.sentence} ${line.actor}`).includes(wanted))
    .sort((a, b) => b.entry.seq - a.entry.seq);
}
