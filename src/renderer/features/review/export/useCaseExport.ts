import { useMutation } from '@tanstack/react-query';
import type { CaseFileExportOutcome } from '../../../../shared/api/exports';
import type { CardKeyInput, SigningFailure } from '../../../../shared/api/signing';
import { useClient } from '../../../api/ClientProvider';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { saveBase64File } from '../../../ui/saveFile';
import { useToasts } from '../../../ui/Toasts';

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
      saveBase64File(outcome.base64, outcome.fileName, 'application/zip');
      notify(
        t(outcome.signedWith === 'card' ? 'eniExport.done.card' : 'eniExport.done', {
          file: outcome.fileName,
        }),
      );
      return null;
    },
  };
}
