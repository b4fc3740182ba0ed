import { useEffect, useRef, useState } from 'react';
import type { ItemResult } from '../../../../shared/api/signing';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { PracticeCardReader } from '../../training/PracticeCardReader';
import { CardPicker } from './CardPicker';
import { canSign, choicesOf, pickedChoice } from './cardChoice';
import { PinDialog } from './PinDialog';
import { SignItem } from './SignItem';
import { SlowCardNotice } from './SlowCardNotice';
import { useCards } from './useCards';
import { isPinFailure, useFailureText } from './useFailureText';
import { useSigningBatch } from './useSigningBatch';
import '../tray/tray.css';
import './sign.css';

/** Failures the signer can try again: the card was not reached, or the office may still take it. */
const retryable = (item: ItemResult): boolean =>
  item.state === 'failed_before_signing' ||
  (item.state === 'failed_after_signing' && item.failure?.kind !== 'office');

export interface SignScreenProps {
  requestIds: string[];
  /** Back to the signing tray. */
  onBack(): void;
  onOpenDiagnostics(): void;
}

/**
 * Signing resolutions with the card. The office first reserves each document's book number and
 * renders the final PDF; the signer reads them (number, SHA-256, text, the PDF itself), picks a
 * certificate, types the PIN once, and follows the batch document by document. What failed can be
 * tried again; the batch can be stopped between two documents; leaving gives back the numbers of
 * what was not signed.
 */
export function SignScreen({ requestIds, onBack, onOpenDiagnostics }: SignScreenProps) {
  const { t } = useI18n();
  const errorText = useErrorMessage();
  const failureText = useFailureText();
  const batch = useSigningBatch(requestIds);
  const cards = useCards();
  const [wanted, setWanted] = useState<string | null>(null);
  const [pinFor, setPinFor] = useState<{ retryOnly?: string[] } | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const choices = choicesOf(cards.data);
  const picked = pickedChoice(choices, wanted);
  const results = [...batch.results.values()];
  const toSign = results.filter((item) => item.state !== 'signed');
  const failed = results.filter((item) => item.state !== 'pending' && item.state !== 'signed');
  const retry = failed.filter(retryable);
  const signed = results.filter((item) => item.state === 'signed');
  const finished = results.length > 0 && toSign.length === 0;
  // Nothing tried yet, or a run the card refused whole (a wrong PIN): the same documents go again.
  const firstTry = batch.lastRun === null || batch.lastRun.status === 'refused';

  const sign = async (pin: string, confirmFinalTry: boolean) => {
    if (!picked || !pinFor) return;
    const { retryOnly } = pinFor;
    setPinFor(null);
    setPinError(null);
    setRunError(null);
    const run = await batch.sign(picked, pin, confirmFinalTry, retryOnly).catch((error: unknown) => {
      setRunError(errorText(error));
      return null;
    });
    if (run?.status === 'refused' && isPinFailure(run.failure)) {
      setPinError(failureText(run.failure!));
      setPinFor({ ...(retryOnly ? { retryOnly } : {}) });
      void cards.refetch();
      return;
    }
    summaryRef.current?.focus();
  };

  const cancel = async () => {
    setCancelled(true);
    await batch.cancel();
    if (!batch.signing) onBack();
  };

  const count = pinFor?.retryOnly?.length ?? toSign.length;
  const preparing = batch.started === null && batch.startError === null;

  return (
    <section className="sign-screen" aria-labelledby="sign-title">
      <div className="case-page__bar">
        <button type="button" className="button button--quiet" onClick={() => void cancel()}>
          {t('signFlow.back')}
        </button>
      </div>
      <h1 id="sign-title" ref={headingRef} tabIndex={-1}>
        {t('signFlow.title', { count: requestIds.length })}
      </h1>
      <p className="sign-screen__intro">{t('signFlow.intro')}</p>

      {preparing && <p role="status">{t('signFlow.preparing', { count: requestIds.length })}</p>}
      {batch.startError !== null && (
        <p className="queue-panel__error" role="alert">
          {errorText(batch.startError)}
        </p>
      )}

      {batch.started && (
        <>
          <h2>{t('signFlow.documents')}</h2>
          <ol className="sign-items">
            {batch.started.entries.map((entry) => (
              <SignItem key={entry.requestId} entry={entry} result={batch.results.get(entry.requestId)} />
            ))}
          </ol>

          <h2>{t('signFlow.card.heading')}</h2>
          <SlowCardNotice />
          {cards.isPending && <p role="status">{t('signFlow.card.looking')}</p>}
          {cards.error && (
            <p className="queue-panel__error" role="alert">
              {errorText(cards.error)}
            </p>
          )}
          {cards.data?.failure && (
            <p className="queue-panel__error" role="alert">
              {failureText(cards.data.failure)}
            </p>
          )}
          {cards.data && choices.length === 0 && (
            <p className="sign-warning" role="status">
              {t('signFlow.card.none')}
            </p>
          )}
          <PracticeCardReader listing={cards.data} />
          {choices.length > 0 && (
            <CardPicker
              choices={choices}
              picked={picked}
              onPick={setWanted}
              disabled={batch.signing || finished}
            />
          )}
          {cards.data && choices.length > 0 && !choices.some(canSign) && (
            <p className="sign-warning" role="status">
              {t('signFlow.card.noneUsable')}
            </p>
          )}
          <p>
            <a
              href="#/settings"
              onClick={(event) => {
                event.preventDefault();
                onOpenDiagnostics();
              }}
            >
              {t('signFlow.card.diagnostics')}
            </a>
          </p>

          {batch.pinPerSignature && <p className="sign-warning">{t('signFlow.pinPerSignature')}</p>}

          <div className="tray__actions">
            {!finished && !cancelled && (firstTry || batch.signing) && (
              <button
                type="button"
                data-tour="sign.sign-all"
                className="button button--primary"
                disabled={!picked || batch.signing || toSign.length === 0}
                onClick={() => {
                  setPinError(null);
                  setPinFor({});
                }}
              >
                {t('signFlow.signAll', { count: toSign.length })}
              </button>
            )}
            {!firstTry && !batch.signing && !cancelled && retry.length > 0 && (
              <button
                type="button"
                data-tour="sign.retry"
                className="button button--primary"
                disabled={!picked}
                onClick={() => {
                  setPinError(null);
                  setPinFor({ retryOnly: retry.map((item) => item.requestId) });
                }}
              >
                {t('signFlow.retry', { count: retry.length })}
              </button>
            )}
            {!finished && (
              <button type="button" className="button button--danger" onClick={() => void cancel()}>
                {batch.signing ? t('signFlow.stop') : t('signFlow.cancel')}
              </button>
            )}
            {finished && (
              <button type="button" className="button" onClick={onBack}>
                {t('signFlow.backToTray')}
              </button>
            )}
          </div>

          {batch.signing && (
            <div className="sign-progress" role="status" aria-live="polite">
              <progress
                max={batch.progress?.total ?? toSign.length}
                value={batch.progress ? batch.progress.index : 0}
                aria-label={t('signFlow.progress.label')}
              />
              <p>
                {batch.progress
                  ? t('signFlow.progress.item', {
                      current: batch.progress.index + 1,
                      total: batch.progress.total,
                      number: batch.progress.number,
                    })
                  : t('signFlow.progress.opening')}
              </p>
            </div>
          )}

          <div ref={summaryRef} tabIndex={-1} className="sign-summary" aria-live="polite">
            {runError && (
              <p className="queue-panel__error" role="alert">
                {runError}
              </p>
            )}
            {batch.lastRun && !batch.signing && (
              <>
                <p>{t('signFlow.summary', { signed: signed.length, failed: failed.length })}</p>
                {batch.lastRun.failure && batch.lastRun.status !== 'done' && (
                  <p className="sign-warning">
                    {t(`signFlow.run.${batch.lastRun.status}`, {
                      reason: failureText(batch.lastRun.failure),
                    })}
                  </p>
                )}
              </>
            )}
          </div>
        </>
      )}

      {pinFor && picked && (
        <PinDialog
          choice={picked}
          count={count}
          error={pinError}
          onSubmit={(pin, confirmFinalTry) => void sign(pin, confirmFinalTry)}
          onCancel={() => setPinFor(null)}
        />
      )}
    </section>
  );
}
