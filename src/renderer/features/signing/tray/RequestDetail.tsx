import { Suspense, useId } from 'react';
import type { SignatureRequest } from '../../../../shared/api/signatures';
import { useI18n } from '../../../app/I18nProvider';
import { LazyCaseDocumentViewer } from '../../../ui/pdf-viewer/lazy';
import { RequestSteps } from './RequestSteps';
import { RequestFacts } from './RequestFacts';
import { RequestTextView } from './ResolutionTextView';

/**
 * One request as a head reads it before acting: what, for whom, by when, who else, and the text;
 * once signed, the signed document itself in the viewer (the text stays, as its accessible form).
 */
export function RequestDetail({ request }: { request: SignatureRequest }) {
  const { t } = useI18n();
  const textId = useId();
  return (
    <div className="request-detail">
      <RequestFacts
        className="request-detail__facts"
        request={request}
        facts={['expires', 'priority', 'mode', 'sent']}
        markExpired
      >
        {request.number && (
          <div>
            <dt>{t('tray.column.number')}</dt>
            <dd>{request.number}</dd>
          </div>
        )}
        <div>
          <dt>{t('tray.detail.hash')}</dt>
          <dd>
            <code className="hash hash--wrap">{request.sha256}</code>
          </dd>
        </div>
      </RequestFacts>
      {request.rejectionReason && (
        <p className="request-detail__reason">
          <strong>{t('signatures.rejectedBecause')}</strong> {request.rejectionReason}
        </p>
      )}
      <h3>{t('tray.detail.steps')}</h3>
      <RequestSteps steps={request.steps} />
      {request.documentId && (
        <>
          <h3>{t('pdfViewer.signedDocument')}</h3>
          <Suspense fallback={null}>
            <LazyCaseDocumentViewer
              key={request.documentId}
              caseId={request.caseId}
              documentId={request.documentId}
              title={request.title}
              inline
            />
          </Suspense>
        </>
      )}
      <h3 id={textId}>{t('tray.detail.text')}</h3>
      <RequestTextView request={request} labelledBy={textId} />
    </div>
  );
}
