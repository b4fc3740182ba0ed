import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/api/session';
import { formatInstant, intlTags } from '../../../shared/i18n/dates';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index';
import { Pages } from '../../office/book/book-pdf';
import { loadResolutionTemplates } from '../../office/resolutions/template';
import type { OfficeSchema } from '../../office/store/schema';
import { completionRecords, type CompletionFilter, type CompletionRecord } from './completions';
import { newOfficePdf } from '../../office/pdf-document';

/** Time present as whole minutes and seconds, rounded to the second. */
const minutesAndSeconds = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
};

export interface CertificateInput {
  locale: Locale;
  /** The city hall, as its documents name it. */
  issuer: string;
  trainee: { id: string; name: string };
  /** The trainee's completed scenarios, oldest first. */
  records: readonly CompletionRecord[];
  /** A scenario's title by its id, in the certificate's language; the id when it is no longer shipped. */
  titleOf: (scenarioId: string) => string;
  /** The date the certificate bears, and the file's dates. */
  at: Date;
}

/**
 * The certificate of a trainee's completed training scenarios: each with its version, mode, score
 * against the pass mark, hints, mistakes, dates and trainer. Unsigned: the trainer's card signs it.
 */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: MessageParams) => translate(input.locale, key, params);
  const date = (iso: string) => formatInstant(new Date(iso), intlTags[input.locale]);
  const title = t('trainingRecords.pdf.title');
  const { pdf, regular, bold } = await newOfficePdf({
    title: `${title}: ${input.trainee.name}`,
    locale: input.locale,
    author: input.issuer,
    at: input.at,
  });

  const pages = new Pages(pdf);
  pages.paragraph(input.issuer, bold, 12, 15);
  pages.space(6);
  pages.paragraph(title, bold, 17, 21);
  pages.space(18);
  pages.paragraph(
    t('trainingRecords.pdf.intro', { name: input.trainee.name, id: input.trainee.id }),
    regular,
    10,
    14,
  );
  for (const record of input.records) {
    pages.space(10);
    pages.ensure(56);
    pages.paragraph(
      t('trainingRecords.pdf.scenario', {
        title: input.titleOf(record.scenarioId),
        id: record.scenarioId,
        version: record.scenarioVersion,
        mode: t(`trainingRecords.mode.${record.mode}`),
      }),
      bold,
      10,
      14,
    );
    pages.paragraph(
      t('trainingRecords.pdf.result', {
        right: record.right,
        of: record.of,
        passMark: record.passMark,
        verdict: t(record.passed ? 'trainingRecords.pdf.passed' : 'trainingRecords.pdf.notPassed'),
        hints: record.hintsUsed,
        mistakes: record.mistakes,
      }),
      regular,
      10,
      14,
    );
    pages.paragraph(
      [
        t('trainingRecords.pdf.dates', {
          started: date(record.startedAt),
          finished: date(record.finishedAt),
          trainer: record.trainerName ?? t('trainingRecords.pdf.noTrainer'),
        }),
        ...(record.presentMs === null
          ? []
          : [t('trainingRecords.pdf.present', minutesAndSeconds(record.presentMs))]),
      ].join(' '),
      regular,
      10,
      14,
    );
  }
  pages.space(24);
  pages.ensure(40);
  pages.paragraph(
    t('trainingRecords.pdf.closing', { date: formatInstant(input.at, intlTags[input.locale]) }),
    regular,
    10,
    14,
  );
  return pdf.save({ useObjectStreams: false });
}

export interface TraineeCertificate {
  bytes: Uint8Array;
  trainee: { id: string; name: string };
  /** How many completed scenarios it certifies. */
  count: number;
}

/**
 * A trainee's certificate of every scenario they completed (those `filter` keeps), unsigned, issued by the city hall as
 * its documents name it; null when they have completed nothing. The command line and the
 * trainer's console both make it here.
 */
export async function traineeCertificate(
  db: Kysely<OfficeSchema>,
  filter: CompletionFilter & { traineeId: string },
  options: Pick<CertificateInput, 'locale' | 'titleOf' | 'at'>,
): Promise<TraineeCertificate | null> {
  const records = await completionRecords(db, filter);
  const first = records[0];
  if (!first) return null;
  const trainee = { id: filter.traineeId, name: first.traineeName };
  const bytes = await renderCertificatePdf({
    ...options,
    issuer: loadResolutionTemplates().issuer[options.locale],
    trainee,
    records,
  });
  return { bytes, trainee, count: records.length };
}
