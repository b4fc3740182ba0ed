import { useMutation } from '@tanstack/react-query';
import type { CaseFileExport, CaseFileExportOutcome } from '../../../../shared/api/exports';
import type { CardKeyInput, SigningFailure } from '../../../../shared/api/signing';
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

export interface CaseExporter {
  pending: boolean;
  /**
   * Exports the case, its index sealed by the office or signed with `card`: saved and said when
   * done; a refusal of the call is said too. Resolves with the card's failure (nothing exported),
   * for the PIN dialog to tell, or null.
   */
  run(card?: CardKeyInput): Promise<SigningFailure | null>;
}

export function useCaseExport(caseId: string): CaseExporter {
  const { t } = useI18n();
  const client = useClient();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const exported = useMutation({
    mutationFn: (card: CardKeyInput | undefined): Promise<CaseFileExportOutcome> =>
      client.call('exports.caseFile', card ? { caseId, card } : { caseId }),
  });
  return {
    pending: exported.isPending,
    async run(card) {
      let outcome: CaseFileExportOutcome;
      try {
        outcome = await exported.mutateAsync(card);
      } catch (error) {
        notify(errorMessage(error), 'error');
        return null;
      }
      if ('failure' in outcome) return outcome.failure;
      save(outcome);
      notify(
        t(outcome.signedWith === 'card' ? 'eniExport.done.card' : 'eniExport.done', {
          file: outcome.fileName,
        }),
      );
      return null;
    },
  };
}
