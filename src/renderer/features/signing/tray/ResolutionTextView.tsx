import type { Locale } from '../../../../shared/api/session';
import type { ResolutionTextInput, SignatureRequest } from '../../../../shared/api/signatures';
import { translate, type MessageKey } from '../../../../shared/i18n/index';
import { htmlLang } from '../../../app/locale';

const parts = [
  ['resolutions.document.facts', 'facts'],
  ['resolutions.document.grounds', 'grounds'],
  ['resolutions.document.decision', 'decision'],
  ['resolutions.document.remedies', 'remedies'],
] as const satisfies readonly (readonly [MessageKey, keyof ResolutionTextInput])[];

/** Paragraphs as the PDF lays them out: a blank line separates them, a single line break does not. */
const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

export interface ResolutionHeading {
  title: string;
  caseNumber: string;
  procedureName: string;
  applicantName: string;
}

/**
 * The resolution's text laid out as its PDF is: heading, then the four parts of art. 88 with their
 * headings, in the document's language (which may differ from the desk's).
 */
export function ResolutionTextView({
  locale,
  heading,
  text,
  labelledBy,
}: {
  locale: Locale;
  heading: ResolutionHeading;
  text: ResolutionTextInput;
  labelledBy?: string;
}) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
  return (
    <article className="resolution-text" lang={htmlLang(locale)} aria-labelledby={labelledBy}>
      <p className="resolution-text__title">{heading.title}</p>
      <p className="resolution-text__meta">
        {t('resolutions.document.case', { number: heading.caseNumber })}
        <br />
        {t('resolutions.document.procedure', { name: heading.procedureName })}
        <br />
        {t('resolutions.document.applicant', { name: heading.applicantName })}
      </p>
      {parts.map(([key, part]) => (
        <section key={part} className="resolution-text__part">
          <p className="resolution-text__heading">{t(key)}</p>
          {paragraphs(text[part]).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

/** A request's resolution text, headed with the request's title, case, procedure and applicant. */
export function RequestTextView({
  request,
  labelledBy,
}: {
  request: Pick<
    SignatureRequest,
    'locale' | 'title' | 'caseNumber' | 'procedureName' | 'applicantName' | 'text'
  >;
  labelledBy?: string;
}) {
  return (
    <ResolutionTextView
      locale={request.locale}
      heading={{
        title: request.title,
        caseNumber: request.caseNumber,
        procedureName: request.procedureName[request.locale],
        applicantName: request.applicantName,
      }}
      text={request.text}
      labelledBy={labelledBy}
    />
  );
}
