import type { CaseDocument, DocumentSignature, SignatureVerdict } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useDocumentSignatures } from '../../api/documents';
import { formatInstant } from '../../ui/format';
import './SignaturesPanel.css';

/** Each verdict has its own sign and word, so colour is never the only cue. */
const verdictSymbol: Record<SignatureVerdict, string> = {
  valid: '✓',
  invalid: '✗',
  unknown_issuer: '?',
  training: '!',
};

function SignatureRow({ signature }: { signature: DocumentSignature }) {
  const { t, intl } = useI18n();
  return (
    <tr>
      <td className="numeric">{signature.index}</td>
      <th scope="row">{signature.holder ?? t('documentSignatures.holderUnknown')}</th>
      <td>{signature.nif ?? t('documentSignatures.nifUnknown')}</td>
      <td>
        {signature.signedAt ? (
          <>
            {formatInstant(signature.signedAt, intl)}
            <span className="data-table__sub">{t(`documentSignatures.time.${signature.timeSource}`)}</span>
          </>
        ) : (
          t('documentSignatures.timeUnknown')
        )}
      </td>
      <td>
        <span className={`signature-verdict signature-verdict--${signature.verdict}`}>
          <span aria-hidden="true" className="signature-verdict__symbol">
            {verdictSymbol[signature.verdict]}
          </span>{' '}
          {t(`documentSignatures.verdict.${signature.verdict}`)}
        </span>
        <span className="data-table__sub">{t(`documentSignatures.reason.${signature.reason}`)}</span>
      </td>
    </tr>
  );
}

interface SignaturesPanelProps {
  id: string;
  caseId: string;
  document: CaseDocument;
}

/** What the desk's verifier says of a document's signatures, read when the panel is opened. */
export function SignaturesPanel({ id, caseId, document }: SignaturesPanelProps) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const query = useDocumentSignatures(caseId, document, true);
  const result = query.data;

  let body;
  if (query.isError) body = <p role="alert">{errorMessage(query.error)}</p>;
  else if (!result)
    body = (
      <p role="status" className="loading">
        {t('documentSignatures.loading')}
      </p>
    );
  else if (result.state !== 'signed')
    body = (
      <p role="status" className={result.state === 'unsigned' ? undefined : 'signatures-panel__problem'}>
        {t(`documentSignatures.state.${result.state}`)}
      </p>
    );
  else
    body = (
      <>
        <p role="status">{t('documentSignatures.count', { count: result.signatures.length })}</p>
        {result.modifiedAfterLastSignature && (
          <p className="signatures-panel__problem">{t('documentSignatures.modifiedAfterLast')}</p>
        )}
        <table className="data-table signatures-panel__table">
          <thead>
            <tr>
              <th scope="col">{t('documentSignatures.col.index')}</th>
              <th scope="col">{t('documentSignatures.col.holder')}</th>
              <th scope="col">{t('documentSignatures.col.nif')}</th>
              <th scope="col">{t('documentSignatures.col.signedAt')}</th>
              <th scope="col">{t('documentSignatures.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {result.signatures.map((signature) => (
              <SignatureRow key={signature.index} signature={signature} />
            ))}
          </tbody>
        </table>
      </>
    );

  return (
    <section id={id} className="signatures-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documentSignatures.heading', { title: document.title })}</h3>
      {body}
    </section>
  );
}
