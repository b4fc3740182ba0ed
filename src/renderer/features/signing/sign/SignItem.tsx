import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../../../../shared/api/errors';
import type { BatchEntry, ItemResult } from '../../../../shared/api/signing';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useSignatureRequest } from '../../../api/signatures';
import { formatBytes } from '../../../ui/format';
import { RequestTextView } from '../tray/ResolutionTextView';
import { useFailureText } from './useFailureText';

/** The hash in groups of eight, so that two can be compared by eye, group by group. */
const groupedHash = (hash: string): string => hash.replace(/(.{8})(?=.)/g, '$1 ');

const fileNameOf = (number: string) => `resolucion-${number.replace(/\//g, '-')}.pdf`;

/** A blob: address for the PDF's bytes while the item is on screen; a download, not a navigation. */
function usePdfUrl(base64: string | null): string | null {
  const url = useMemo(() => {
    if (base64 === null) return null;
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [base64]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/**
 * One document of the batch: its book number, its SHA-256 and CSV, what the office says it is,
 * and, one key away, its text and the very PDF the card will sign (to save and open elsewhere).
 * Below, what happened to it, in plain words.
 */
export function SignItem({ entry, result }: { entry: BatchEntry; result: ItemResult | undefined }) {
  const { t, intl } = useI18n();
  const errorText = useErrorMessage();
  const failureText = useFailureText();
  const request = useSignatureRequest(entry.requestId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const pdfUrl = usePdfUrl(entry.ok ? entry.pdfBase64 : null);
  const detail = request.data;
  const title = entry.ok
    ? t('signFlow.item.title', { number: entry.number })
    : t('signFlow.item.refusedTitle');

  return (
    <li className={`sign-item sign-item--${entry.ok ? (result?.state ?? 'pending') : 'refused'}`}>
      <h3 id={headingId} className="sign-item__title">
        {title}
        {detail && (
          <span className="sign-item__case">
            {' · '}
            {detail.caseNumber} · {detail.applicantName}
          </span>
        )}
      </h3>
      {entry.ok ? (
        <>
          <dl className="sign-item__facts">
            <dt>{t('signFlow.item.sha256')}</dt>
            <dd>
              <code className="sign-item__hash">{groupedHash(entry.sha256)}</code>
            </dd>
            <dt>{t('signFlow.item.csv')}</dt>
            <dd>
              <code className="sign-item__csv">{entry.csv}</code>
            </dd>
            <dt>{t('signFlow.item.size')}</dt>
            <dd>{formatBytes(entry.size, intl)}</dd>
            {entry.onBehalfOf && (
              <>
                <dt>{t('signFlow.item.onBehalfOf')}</dt>
                <dd>{t('signFlow.item.onBehalfOfName', { name: entry.onBehalfOf })}</dd>
              </>
            )}
          </dl>
          <div className="sign-item__actions">
            <button
              type="button"
              className="button button--small"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen((value) => !value)}
            >
              {open ? t('signFlow.item.hide') : t('signFlow.item.show')}
            </button>
            {pdfUrl && (
              <a className="button button--small" href={pdfUrl} download={fileNameOf(entry.number)}>
                {t('signFlow.item.download', { file: fileNameOf(entry.number) })}
              </a>
            )}
          </div>
          <div
            id={panelId}
            hidden={!open}
            className="sign-item__document"
            role="region"
            aria-label={t('signFlow.item.documentRegion', { number: entry.number })}
            // It scrolls: keyboard users scroll it once they Tab into it.
            tabIndex={0}
          >
            {open && detail && <RequestTextView request={detail} labelledBy={headingId} />}
            {open && !detail && <p>{t('app.loading')}</p>}
          </div>
          {result && <ItemOutcome result={result} failureText={failureText} />}
        </>
      ) : (
        <p className="sign-item__outcome sign-item__outcome--failed">
          {errorText(new ApiError(entry.refusal.code, entry.refusal.params))}
        </p>
      )}
    </li>
  );
}

function ItemOutcome({
  result,
  failureText,
}: {
  result: ItemResult;
  failureText: ReturnType<typeof useFailureText>;
}) {
  const { t } = useI18n();
  if (result.state === 'pending') return null;
  if (result.state === 'signed')
    return (
      <p className="sign-item__outcome sign-item__outcome--signed">
        {t('signFlow.item.signed', { number: result.number })}
      </p>
    );
  const reason = result.failure ? failureText(result.failure) : '';
  return (
    <p className="sign-item__outcome sign-item__outcome--failed">
      {t(
        result.state === 'failed_after_signing' ? 'signFlow.item.failedAfter' : 'signFlow.item.failedBefore',
        {
          reason,
        },
      )}
    </p>
  );
}
