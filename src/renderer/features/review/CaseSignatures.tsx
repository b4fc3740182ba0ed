import { useId, useState } from 'react';
import { allows } from '../../../shared/api/access';
import { calls, type CaseDetail, type SignatureRequest } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useSession } from '../../api/hooks';
import { useCaseRequests, useWithdraw } from '../../api/signatures';
import { formatInstant } from '../../ui/format';
import { useToasts } from '../../ui/Toasts';
import { RequestFacts } from '../signing/tray/RequestFacts';
import { RequestSteps } from '../signing/tray/RequestSteps';
import { ResolutionEditor } from './ResolutionEditor';
import '../signing/tray/tray.css';

const stateBadge = {
  pending: 'badge--muted',
  signed: 'badge--ok',
  rejected: 'badge--danger',
  withdrawn: 'badge--muted',
  expired: 'badge--danger',
} as const;

function RequestCard({ request, canWithdraw }: { request: SignatureRequest; canWithdraw: boolean }) {
  const { t, intl } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const withdraw = useWithdraw();
  const titleId = useId();
  const state = request.expired ? 'expired' : request.state;
  return (
    <article className={`signature-request signature-request--${state}`} aria-labelledby={titleId}>
      <div className="signature-request__top">
        <h3 id={titleId}>
          {request.number
            ? t('signatures.numberedTitle', { title: request.title, number: request.number })
            : request.title}
          <span className={`badge ${stateBadge[state]}`}>{t(`signatures.state.${state}`)}</span>
        </h3>
        {canWithdraw && request.state === 'pending' && request.number === null && (
          <button
            type="button"
            className="button button--small button--danger"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(
                { requestId: request.id },
                {
                  onSuccess: () => notify(t('signatures.withdrawn')),
                  onError: (error) => notify(errorMessage(error), 'error'),
                },
              )
            }
          >
            {t('signatures.withdraw')}
          </button>
        )}
      </div>
      {request.state === 'rejected' && request.rejectionReason && (
        <p className="signature-request__reason" role="note">
          <strong>
            {t('signatures.rejectedBy', {
              name: request.closedBy?.name ?? '',
              when: request.closedAt ? formatInstant(request.closedAt, intl) : '',
            })}
          </strong>{' '}
          {request.rejectionReason}
        </p>
      )}
      <RequestFacts
        className="signature-request__facts"
        request={request}
        facts={['sent', 'expires', 'priority', 'mode']}
      />
      <RequestSteps steps={request.steps} />
    </article>
  );
}

/**
 * The case's resolution on its way to signature: the requests sent (a rejected one with its
 * reason), and for processors the editor to draft, preview and send it, or to withdraw it.
 */
export function CaseSignatures({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const session = useSession();
  const roles = session.data?.user.roles ?? [];
  const requests = useCaseRequests(detail.case.id);
  const [drafting, setDrafting] = useState(false);
  const titleId = useId();
  const drafter = allows(calls['signatures.send'].access, roles);
  const pending = requests.data?.some((request) => request.state === 'pending' && !request.expired) ?? true;
  const canDraft =
    drafter && !pending && (detail.case.state === 'in_progress' || detail.case.state === 'proposal');

  return (
    <section aria-labelledby={titleId} className="case-signatures" data-tour="case.signatures">
      <h2 id={titleId}>{t('signatures.sectionTitle')}</h2>
      {canDraft && !drafting && (
        <button
          type="button"
          className="button button--primary"
          data-tour="draft.open"
          onClick={() => setDrafting(true)}
        >
          {t('draft.open')}
        </button>
      )}
      {canDraft && drafting && <ResolutionEditor detail={detail} onClose={() => setDrafting(false)} />}
      {requests.isError && <p role="alert">{errorMessage(requests.error)}</p>}
      {requests.data && requests.data.length === 0 && !drafting && (
        <p className="empty">{t('signatures.none')}</p>
      )}
      <div className="signature-requests">
        {requests.data?.map((request) => (
          <RequestCard key={request.id} request={request} canWithdraw={drafter} />
        ))}
      </div>
    </section>
  );
}
