import { useMutation } from '@tanstack/react-query';
import { useClient } from '../../api/ClientProvider';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { saveBase64File } from '../../ui/saveFile';
import { useToasts } from '../../ui/Toasts';

/** The completion records of the session's trainees, saved as the CSV the command line writes. */
export function RecordsButton({ sessionId }: { sessionId: string }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const records = useMutation({
    mutationFn: () => client.call('trainer.records.csv', { sessionId, locale }),
    onSuccess: (file) => {
      saveBase64File(file.base64, file.fileName, 'text/csv');
      notify(t('trainer.records.downloaded', { file: file.fileName }));
    },
    onError: (error) => notify(errorMessage(error), 'error'),
  });
  return (
    <button
      type="button"
      className="button"
      aria-busy={records.isPending}
      disabled={records.isPending}
      onClick={() => records.mutate()}
    >
      {t('trainer.records.download')}
    </button>
  );
}
