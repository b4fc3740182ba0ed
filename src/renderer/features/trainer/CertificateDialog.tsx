import { useMutation } from '@tanstack/react-query';
import type { CardKeyInput, SigningFailure } from '../../../shared/api/signing';
import { useClient } from '../../api/ClientProvider';
import { useI18n } from '../../app/I18nProvider';
import { saveBase64File } from '../../ui/saveFile';
import { useToasts } from '../../ui/Toasts';
import { CardSignDialog } from '../signing/sign/CardSignDialog';

/**
 * The certificate of every scenario the person on a seat of the session finished, signed with the
 * trainer's own card at this desk.
 */
export function CertificateDialog({
  trainee,
  sessionId,
  onClose,
}: {
  trainee: { id: string; name: string };
  sessionId: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const client = useClient();
  const { notify } = useToasts();
  const signed = useMutation({
    mutationFn: (card: CardKeyInput) =>
      client.call('trainer.records.certificate', { traineeId: trainee.id, sessionId, locale, card }),
  });
  const sign = async (card: CardKeyInput): Promise<SigningFailure | null> => {
    const outcome = await signed.mutateAsync(card);
    if ('failure' in outcome) return outcome.failure;
    saveBase64File(outcome.base64, outcome.fileName, 'application/pdf');
    notify(t('trainer.certificate.done', { file: outcome.fileName }));
    return null;
  };
  return (
    <CardSignDialog
      title={t('trainer.certificate.title', { name: trainee.name })}
      description={t('trainer.certificate.description')}
      submitLabel={t('trainer.certificate.sign')}
      pending={signed.isPending}
      pendingLabel={t('trainer.certificate.working')}
      withCard
      onSign={sign}
      failureMessage={(reason) => t('trainer.certificate.failed', { reason })}
      onClose={onClose}
    />
  );
}
