import { ApiError } from '../../../shared/api/errors';
import type { CallInput } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useClaim, useClaimNext } from '../../api/hooks';
import { useToasts } from '../../ui/Toasts';

/** Claim and claim-next with their outcome told in words; a lost race says so and the list refreshes. */
export function useClaimActions() {
  const { t } = useI18n();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const claim = useClaim();
  const claimNext = useClaimNext();

  const claimCase = (row: { id: string; number: string }) =>
    claim.mutate(row.id, {
      onSuccess: (claimed) => notify(t('queues.claimed', { number: claimed.number })),
      onError: (error) =>
        notify(
          error instanceof ApiError && error.code === 'already_claimed'
            ? t('queues.alreadyClaimed', { number: row.number })
            : errorMessage(error),
          'error',
        ),
    });

  /** Claims from the queue being viewed (`queueName`, in words) and says so when it has nothing. */
  const claimNextCase = (request: CallInput<'cases.claimNext'>, queueName: string) =>
    claimNext.mutate(request, {
      onSuccess: (claimed) =>
        notify(
          claimed
            ? t('queues.claimed', { number: claimed.number })
            : t('queues.claimNextNoneIn', { queue: queueName }),
        ),
      onError: (error) => notify(errorMessage(error), 'error'),
    });

  return { claimCase, claimNextCase, busy: claim.isPending || claimNext.isPending };
}
