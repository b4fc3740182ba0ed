import { useId, useState } from 'react';
import { maxUploadBytes, type UploadedPdf } from '../../../../shared/api/casework';
import { useI18n } from '../../../app/I18nProvider';
import { formatBytes } from '../../../ui/format';
import { readPdfFile } from './pdf-file';

/** A PDF field: a wrong or too large file is named with what to do, and nothing is sent. */
export function PdfFilePicker({ onChange }: { onChange: (file: UploadedPdf | null) => void }) {
  const { t, intl } = useI18n();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{t('casework.report.file')}</label>
      <input
        id={id}
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem !== null}
        onChange={async (event) => {
          const chosen = event.target.files?.[0];
          onChange(null);
          setProblem(null);
          if (!chosen) return;
          const outcome = await readPdfFile(chosen);
          if (outcome.ok) return onChange(outcome.file);
          const params = {
            name: chosen.name,
            size: formatBytes(chosen.size, intl),
            max: formatBytes(maxUploadBytes, intl),
          };
          setProblem(t(`casework.file.${outcome.problem}`, params));
        }}
      />
      <span id={`${id}-hint`} className="hint">
        {t('casework.report.fileHint', { max: formatBytes(maxUploadBytes, intl) })}
      </span>
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
