import type { Locale } from '../../../shared/api/session';
import { translate, type MessageKey } from '../../../shared/i18n/index';
import { csvLine, utf8Bom } from '../../office/book/book-csv';
import type { CompletionRecord } from './completions';

const columns: readonly MessageKey[] = [
  'trainingRecords.col.traineeId',
  'trainingRecords.col.traineeName',
  'trainingRecords.col.scenarioId',
  'trainingRecords.col.scenarioVersion',
  'trainingRecords.col.mode',
  'trainingRecords.col.right',
  'trainingRecords.col.of',
  'trainingRecords.col.passMark',
  'trainingRecords.col.passed',
  'trainingRecords.col.hints',
  'trainingRecords.col.mistakes',
  'trainingRecords.col.startedAt',
  'trainingRecords.col.finishedAt',
  'trainingRecords.col.presentSeconds',
  'trainingRecords.col.trainerId',
  'trainingRecords.col.trainerName',
  'trainingRecords.col.sessionId',
  'trainingRecords.col.sessionName',
];

/**
 * The records as a spreadsheet file, as the resolutions book is exported (RFC 4180, UTF-8 with a
 * byte-order mark, formulas made inert): a header in the user's language, dates in ISO 8601 (UTC).
 */
export function completionRecordsCsv(records: readonly CompletionRecord[], locale: Locale): Uint8Array {
  const t = (key: MessageKey) => translate(locale, key);
  const rows = records.map((record) =>
    csvLine([
      record.traineeId,
      record.traineeName,
      record.scenarioId,
      String(record.scenarioVersion),
      t(`trainingRecords.mode.${record.mode}`),
      String(record.right),
      String(record.of),
      String(record.passMark),
      t(record.passed ? 'trainingRecords.passed.yes' : 'trainingRecords.passed.no'),
      String(record.hintsUsed),
      String(record.mistakes),
      record.startedAt,
      record.finishedAt,
      record.presentMs === null ? '' : String(Math.round(record.presentMs / 1000)),
      record.trainerId ?? '',
      record.trainerName ?? '',
      record.sessionId ?? '',
      record.sessionName ?? '',
    ]),
  );
  return new TextEncoder().encode(utf8Bom + csvLine(columns.map(t)) + rows.join(''));
}
