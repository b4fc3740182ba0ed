import { RadioChoices } from '../../ui/RadioChoices';
import { useId, useState } from 'react';
import type { SignaturePriority, SigningMode, StepAction } from '../../../shared/api/index';
import { positionName } from '../../../shared/i18n/catalogue-names';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useSend, useSigners } from '../../api/signatures';
import { ModalDialog } from '../../ui/ModalDialog';
import { FormActions } from '../../ui/FormActions';
import { useToasts } from '../../ui/Toasts';
import { addDays, madridToday } from '../signing/tray/dates';
import type { Draft } from './ResolutionEditor';

/** A request's last day unless the processor says otherwise: ten days from today. */
const defaultDays = 10;

interface StepChoice {
  signerId: string;
  action: StepAction | 'none';
}

/** Moves one step up or down in the order (a cascade signs in this order). */
function moved(steps: readonly StepChoice[], index: number, by: -1 | 1): StepChoice[] {
  const next = [...steps];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * Who signs or approves, in which order (cascade) or all at once (parallel), how urgent, and by
 * when; then the request goes and the case waits for its signatures.
 */
export function SendDialog({
  caseId,
  caseNumber,
  draft,
  onCancel,
  onSent,
}: {
  caseId: string;
  caseNumber: string;
  draft: Draft;
  onCancel: () => void;
  onSent: () => void;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const signers = useSigners(caseId, true);
  const send = useSend();
  const id = useId();
  const today = madridToday();
  const [choices, setChoices] = useState<StepChoice[] | null>(null);
  const [mode, setMode] = useState<SigningMode>('cascade');
  const [priority, setPriority] = useState<SignaturePriority>('normal');
  const [expiresOn, setExpiresOn] = useState(addDays(today, defaultDays));
  const steps =
    choices ?? (signers.data ?? []).map((signer) => ({ signerId: signer.id, action: 'none' as const }));
  const byId = new Map((signers.data ?? []).map((signer) => [signer.id, signer]));
  const chosen = steps.filter(
    (step): step is { signerId: string; action: StepAction } => step.action !== 'none',
  );
  const noSignature = !chosen.some((step) => step.action === 'sign');

  return (
    <ModalDialog
      title={t('send.title', { number: caseNumber })}
      description={t('send.description')}
      onClose={onCancel}
    >
      <form
        className="modal__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (noSignature) return;
          send.mutate(
            {
              caseId,
              locale: draft.locale,
              title: draft.title,
              text: draft.text,
              mode,
              priority,
              expiresOn,
              steps: chosen,
            },
            {
              onSuccess: () => {
                notify(t('send.sent', { number: caseNumber }));
                onSent();
              },
            },
          );
        }}
      >
        <fieldset className="send-options" data-tour="send.signers">
          <legend>{t('send.signers')}</legend>
          {signers.isError && <p role="alert">{errorMessage(signers.error)}</p>}
          <ol className="send-steps">
            {steps.map((step, index) => {
              const signer = byId.get(step.signerId);
              const label = `${signer?.name ?? step.signerId}`;
              return (
                <li key={step.signerId}>
                  <span>
                    <strong>{label}</strong>
                    <span className="data-table__sub">{signer && positionName(signer.position, locale)}</span>
                  </span>
                  <div className="field">
                    <label htmlFor={`${id}-${step.signerId}`}>{t('send.actionFor', { name: label })}</label>
                    <select
                      id={`${id}-${step.signerId}`}
                      value={step.action}
                      onChange={(event) =>
                        setChoices(
                          steps.map((other, position) =>
                            position === index
                              ? { ...other, action: event.target.value as StepChoice['action'] }
                              : other,
                          ),
                        )
                      }
                    >
                      <option value="none">{t('send.action.none')}</option>
                      <option value="sign">{t('signatures.action.sign')}</option>
                      <option value="approve">{t('signatures.action.approve')}</option>
                    </select>
                  </div>
                  <span className="radio-row">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === 0}
                      aria-label={t('send.moveUp', { name: label })}
                      onClick={() => setChoices(moved(steps, index, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === steps.length - 1}
                      aria-label={t('send.moveDown', { name: label })}
                      onClick={() => setChoices(moved(steps, index, 1))}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          {noSignature && (
            <p className="field__error" id={`${id}-no-signature`}>
              {t('send.needsSignature')}
            </p>
          )}
        </fieldset>
        <fieldset className="send-options">
          <legend>{t('send.mode')}</legend>
          <div className="radio-row">
            <RadioChoices
              name={`${id}-mode`}
              options={['cascade', 'parallel'] as const}
              value={mode}
              onChange={setMode}
              label={(option) => t(`signatures.mode.${option}`)}
            />
          </div>
        </fieldset>
        <div className="resolution-editor__row">
          <div className="field">
            <label htmlFor={`${id}-priority`}>{t('tray.column.priority')}</label>
            <select
              id={`${id}-priority`}
              value={priority}
              onChange={(event) => setPriority(event.target.value as SignaturePriority)}
            >
              {(['normal', 'high', 'urgent'] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`signatures.priority.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expires`}>{t('send.expiresOn')}</label>
            <input
              id={`${id}-expires`}
              type="date"
              required
              min={today}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
            />
          </div>
        </div>
        <FormActions
          error={send.isError ? errorMessage(send.error) : null}
          cancel={{ label: t('tray.cancel'), onCancel: onCancel }}
          cancelPlacement="first"
        >
          <button
            type="submit"
            data-tour="send.confirm"
            className="button button--primary"
            disabled={send.isPending || noSignature}
            aria-describedby={noSignature ? `${id}-no-signature` : undefined}
          >
            {t('send.confirm')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}
