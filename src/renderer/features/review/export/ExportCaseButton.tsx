import { useMutation } from '@tanstack/react-query';
import type { CaseFileExport } from '../../../../shared/api/exports';
import { openStates, type CaseState } from '../../../../shared/domain/cases';
import { useClient } from '../../../api/ClientProvider';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useToasts } from '../../../ui/Toasts';

/** Hands the zip to the browser's own download (the desk's save dialog in Electron). */
function save(file: CaseFileExport): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The download has its own copy once started; the page keeps no zip in memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Exportar expediente (ENI)" on a closed case: the documents, their ENI metadata and the index
 * sealed by the office, as one zip. Open cases have no such button (the office refuses them too).
 */
export function ExportCaseButton({ caseId, state }: { caseId: string; state: CaseState }) {
  const { t } = useI18n();
  const client = useClient();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const exported = useMutation({ mutationFn: () => client.call('exports.caseFile', { caseId }) });
  if (openStates.includes(state)) return null;
  return (
    <button
      type="button"
      className="button"
      title={t('eniExport.hint')}
      aria-busy={exported.isPending}
      disabled={exported.isPending}
      onClick={() =>
        exported.mutate(undefined, {
          onSuccess: (file) => {
            save(file);
            notify(t('eniExport.done', { file: file.fileName }));
          },
          onError: (error) => notify(errorMessage(error), 'error'),
        })
      }
    >
      {exported.isPending ? t('eniExport.working') : t('eniExport.button')}
    </button>
  );
}
