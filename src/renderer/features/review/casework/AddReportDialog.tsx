import { RadioChoices } from '../../../ui/RadioChoices';
import { useEffect, useId, useState } from 'react';
import type { CaseDetail, Locale, UploadedPdf } from '../../../../shared/api/index';
import { locales } from '../../../../shared/i18n/index';
import { useI18n } from '../../../app/I18nProvider';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { useToasts } from '../../../ui/Toasts';
import { useAddReport, useReportDraft, useReportTemplates } from './api';
import { PdfFilePicker } from './PdfFilePicker';
import { useCaseworkError } from './useCaseworkError';

/**
 * Adds a report: written from a template (its text filled from the case, to complete here) or an
 * uploaded PDF. On a failure (a stale case, a refused file) the dialog stays open with what was
 * written, and says what happened.
 */
export function AddReportDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t, locale: deskLocale } = useI18n();
  const { notify } = useToasts();
  const errorText = useCaseworkError();
  const id = useId();
  const templates = useReportTemplates(true);
  const draft = useReportDraft();
  const add = useAddReport();
  const [source, setSource] = useState<'template' | 'pdf'>('template');
  const [templateId, setTemplateId] = useState('technical');
  const [locale, setLocale] = useState<Locale>(deskLocale);
  const [body, setBody] = useState('');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<UploadedPdf | null>(null);
  const caseId = detail.case.id;
  const { mutate: loadDraft } = draft;

  useEffect(() => {
    loadDraft({ caseId, templateId, locale }, { onSuccess: (loaded) => setBody(loaded.body) });
  }, [caseId, templateId, locale, loadDraft]);

  const ready = source === 'template' ? body.trim() !== '' : file !== null && title.trim() !== '';

  return (
    <ModalDialog
      title={t('casework.report.title', { number: detail.case.number })}
      description={t('casework.report.description')}
      onClose={onClose}
    >
      <form
        className="modal__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          add.mutate(
            {
              caseId,
              version: detail.case.version,
              source:
                source === 'template'
                  ? { kind: 'template', templateId, locale, body }
                  : { kind: 'pdf', title, file: file! },
            },
            {
              onSuccess: (result) => {
                notify(t('casework.report.added', { title: result.document.title }));
                onClose();
              },
            },
          );
        }}
      >
        <fieldset className="casework-choice">
          <legend>{t('casework.report.source')}</legend>
          <RadioChoices
            name={`${id}-source`}
            options={['template', 'pdf'] as const}
            value={source}
            onChange={setSource}
            label={(option) =>
              t(option === 'template' ? 'casework.report.fromTemplate' : 'casework.report.fromFile')
            }
          />
        </fieldset>
        {source === 'template' ? (
          <>
            <div className="resolution-editor__row">
              <div className="field">
                <label htmlFor={`${id}-template`}>{t('casework.report.template')}</label>
                <select
                  id={`${id}-template`}
                  data-tour="report.template"
                  value={templateId}
                  onChange={(event) => setTemplateId(event.target.value)}
                >
                  {templates.data?.map((template) => (
                    <option key={template.id} value={template.id}>
                      {template.title[deskLocale]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-locale`}>{t('casework.report.locale')}</label>
                <select
                  id={`${id}-locale`}
                  value={locale}
                  onChange={(event) => setLocale(event.target.value as Locale)}
                >
                  {locales.map((option) => (
                    <option key={option} value={option}>
                      {t(`locale.${option}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-body`}>{t('casework.report.body')}</label>
              <textarea
                id={`${id}-body`}
                rows={12}
                maxLength={20_000}
                value={body}
                aria-invalid={body.trim() === ''}
                onChange={(event) => setBody(event.target.value)}
              />
            </div>
            {draft.isError && <p role="alert">{errorText(draft.error)}</p>}
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('casework.report.documentTitle')}</label>
              <input
                id={`${id}-title`}
                maxLength={200}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <PdfFilePicker onChange={setFile} />
          </>
        )}
        <FormActions
          error={add.isError ? errorText(add.error) : null}
          cancel={{ label: t('casework.report.cancel'), onCancel: onClose }}
          cancelPlacement="last"
        >
          <button
            type="submit"
            className="button button--primary"
            data-tour="report.submit"
            disabled={!ready || add.isPending}
          >
            {t('casework.report.add')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}
