import { useEffect, useId, useRef, useState } from 'react';
import type { CaseDetail, Locale, ResolutionTextInput } from '../../../shared/api/index';
import { locales } from '../../../shared/i18n/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useDraft, usePreview } from '../../api/signatures';
import { formatBytes } from '../../ui/format';
import { ResolutionTextView } from '../signing/tray/ResolutionTextView';
import { SendDialog } from './SendDialog';

const parts = [
  ['facts', 'resolutions.document.facts'],
  ['grounds', 'resolutions.document.grounds'],
  ['decision', 'resolutions.document.decision'],
  ['remedies', 'resolutions.document.remedies'],
] as const;

export interface Draft {
  locale: Locale;
  title: string;
  text: ResolutionTextInput;
}

/**
 * Drafting the resolution: the template (or the text that came back) to edit part by part, in the
 * document's language; the preview is the text as the PDF lays it out, with the SHA-256 of the PDF
 * it makes (no PDF viewer here: the head sees the final PDF when signing); then sending it.
 */
export function ResolutionEditor({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t, locale: deskLocale, intl } = useI18n();
  const errorMessage = useErrorMessage();
  const loadDraft = useDraft();
  const preview = usePreview();
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [source, setSource] = useState<'template' | 'previous'>('template');
  /** The draft as it was when previewed: what the preview shows, and the hash is of. */
  const [previewed, setPreviewed] = useState<Draft | null>(null);
  // The document's language starts as the desk's; switching the desk's language later keeps the edits.
  const [initialLocale] = useState(deskLocale);
  const [sending, setSending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const caseId = detail.case.id;
  const { mutate: fetchDraft } = loadDraft;

  const redraft = (locale: Locale) =>
    fetchDraft(
      { caseId, locale },
      {
        onSuccess: (loaded) => {
          setDraft({ locale: loaded.locale, title: loaded.title, text: loaded.text });
          setSource(loaded.source);
          setPreviewed(null);
        },
      },
    );

  useEffect(() => {
    fetchDraft(
      { caseId, locale: initialLocale },
      {
        onSuccess: (loaded) => {
          setDraft({ locale: loaded.locale, title: loaded.title, text: loaded.text });
          setSource(loaded.source);
        },
      },
    );
    headingRef.current?.focus();
  }, [caseId, initialLocale, fetchDraft]);

  const previewIsCurrent = previewed !== null && JSON.stringify(previewed) === JSON.stringify(draft);
  const edit = (patch: Partial<ResolutionTextInput>) =>
    setDraft((current) => current && { ...current, text: { ...current.text, ...patch } });
  const empty = draft ? parts.filter(([part]) => draft.text[part].trim() === '') : [];

  return (
    <div
      className="resolution-editor"
      role="region"
      aria-labelledby={`${id}-title`}
      // Escape leaves the case page; while writing it must not throw the draft away.
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.preventDefault();
      }}
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('draft.title')}
      </h3>
      {loadDraft.isError && <p role="alert">{errorMessage(loadDraft.error)}</p>}
      {!draft ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <p className="hint">{t(source === 'previous' ? 'draft.fromPrevious' : 'draft.fromTemplate')}</p>
          <div className="resolution-editor__row">
            <div className="field">
              <label htmlFor={`${id}-locale`}>{t('draft.locale')}</label>
              <select
                id={`${id}-locale`}
                data-tour="draft.locale"
                value={draft.locale}
                aria-describedby={`${id}-locale-hint`}
                onChange={(event) => redraft(event.target.value as Locale)}
              >
                {locales.map((option) => (
                  <option key={option} value={option}>
                    {t(`locale.${option}`)}
                  </option>
                ))}
              </select>
              <span id={`${id}-locale-hint`} className="hint">
                {t('draft.localeHint')}
              </span>
            </div>
            <div className="field field--grow">
              <label htmlFor={`${id}-doc-title`}>{t('draft.documentTitle')}</label>
              <input
                id={`${id}-doc-title`}
                maxLength={200}
                value={draft.title}
                onChange={(event) => setDraft({ ...draft, title: event.target.value })}
              />
            </div>
          </div>
          {parts.map(([part, heading]) => (
            <div className="field" key={part}>
              <label htmlFor={`${id}-${part}`}>{t(heading)}</label>
              <textarea
                id={`${id}-${part}`}
                rows={part === 'remedies' ? 5 : 8}
                maxLength={20_000}
                value={draft.text[part]}
                aria-invalid={draft.text[part].trim() === ''}
                onChange={(event) => edit({ [part]: event.target.value })}
              />
            </div>
          ))}
          <p className="hint">{t('draft.paragraphsHint')}</p>
          {empty.length > 0 && (
            <p className="field__error" role="alert">
              {t('draft.emptyParts')}
            </p>
          )}
          <div className="resolution-editor__actions">
            <button
              type="button"
              className="button"
              disabled={preview.isPending || empty.length > 0}
              onClick={() =>
                preview.mutate(
                  { caseId, locale: draft.locale, text: draft.text },
                  { onSuccess: () => setPreviewed(draft) },
                )
              }
            >
              {t('draft.preview')}
            </button>
            <button
              type="button"
              data-tour="draft.send"
              className="button button--primary"
              disabled={empty.length > 0 || draft.title.trim() === ''}
              onClick={() => setSending(true)}
            >
              {t('draft.send')}
            </button>
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('draft.close')}
            </button>
          </div>
          {preview.isError && <p role="alert">{errorMessage(preview.error)}</p>}
          {preview.data && previewed && (
            <section className="resolution-preview" aria-labelledby={`${id}-preview`}>
              <h4 id={`${id}-preview`}>{t('draft.previewTitle')}</h4>
              {!previewIsCurrent && (
                <p className="field__error" role="status">
                  {t('draft.previewStale')}
                </p>
              )}
              <p className="resolution-preview__hash">
                {t('draft.previewHash', { size: formatBytes(preview.data.size, intl) })}{' '}
                <code>{preview.data.sha256}</code>
              </p>
              <ResolutionTextView
                locale={previewed.locale}
                labelledBy={`${id}-preview`}
                heading={{
                  title: previewed.title,
                  caseNumber: detail.case.number,
                  procedureName: detail.procedure.name[previewed.locale],
                  applicantName: detail.applicant.name,
                }}
                text={previewed.text}
              />
            </section>
          )}
        </>
      )}
      {sending && draft && (
        <SendDialog
          caseId={caseId}
          caseNumber={detail.case.number}
          draft={draft}
          onCancel={() => setSending(false)}
          onSent={() => {
            setSending(false);
            onClose();
          }}
        />
      )}
    </div>
  );
}
