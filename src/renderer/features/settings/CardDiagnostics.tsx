import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Card } from '../../../shared/api/signing';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { CertificateFacts } from '../signing/sign/CertificateFacts';
import { SlowCardNotice } from '../signing/sign/SlowCardNotice';
import { useAddModule, useCards } from '../signing/sign/useCards';
import { useFailureText } from '../signing/sign/useFailureText';
import { PracticeCardReader } from '../training/PracticeCardReader';
import '../signing/sign/sign.css';

/**
 * The card diagnostics: the PKCS#11 modules this desk looks in (with a field to add one, kept in
 * the desk's settings), the readers and cards in them with their PIN state, and every certificate
 * with holder, NIF, issuer, validity, key usage and why it cannot sign. Live: a card put in or
 * taken out shows at once. On a training desk, a practice card a scenario pulled out can be put
 * back here as on the signing screen.
 */
export function CardDiagnostics() {
  const { t } = useI18n();
  const errorText = useErrorMessage();
  const failureText = useFailureText();
  const cards = useCards();
  const addModule = useAddModule();
  const [path, setPath] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const fieldId = useId();
  const errorId = useId();
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = path.trim();
    if (!wanted) return;
    setAdded(null);
    addModule.mutate(wanted, {
      onSuccess: () => {
        setAdded(wanted);
        setPath('');
      },
    });
  };
  const listing = cards.data;

  return (
    <section className="diagnostics" aria-labelledby="diagnostics-title">
      <h1 id="diagnostics-title" ref={headingRef} tabIndex={-1}>
        {t('signFlow.diagnostics.title')}
      </h1>
      <p>{t('signFlow.diagnostics.intro')}</p>
      <SlowCardNotice />

      <h2>{t('signFlow.diagnostics.modules')}</h2>
      {cards.isPending && <p role="status">{t('signFlow.card.looking')}</p>}
      {cards.error && (
        <p className="queue-panel__error" role="alert">
          {errorText(cards.error)}
        </p>
      )}
      {listing?.failure && (
        <p className="queue-panel__error" role="alert">
          {failureText(listing.failure)}
        </p>
      )}
      {listing && listing.modules.length === 0 && !listing.failure && (
        <p>{t('signFlow.diagnostics.noModules')}</p>
      )}
      {listing && listing.modules.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('signFlow.diagnostics.modules')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signFlow.diagnostics.module.path')}</th>
                <th scope="col">{t('signFlow.diagnostics.module.source')}</th>
                <th scope="col">{t('signFlow.diagnostics.module.status')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.modules.map((module) => (
                <tr key={module.path}>
                  <th scope="row">
                    <code>{module.path}</code>
                  </th>
                  <td>{t(`signFlow.diagnostics.source.${module.source}`)}</td>
                  <td>
                    {t(`signFlow.diagnostics.status.${module.status}`)}
                    {module.description && (
                      <span className="data-table__sub">
                        {module.description}
                        {module.manufacturer ? ` (${module.manufacturer})` : ''}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="diagnostics__add" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t('signFlow.diagnostics.add.label')}</label>
          <input
            id={fieldId}
            type="text"
            spellCheck={false}
            value={path}
            aria-invalid={addModule.isError ? true : undefined}
            aria-describedby={addModule.isError ? `${hintId} ${errorId}` : hintId}
            onChange={(event) => setPath(event.target.value)}
          />
          <p id={hintId} className="data-table__sub">
            {t('signFlow.diagnostics.add.hint')}
          </p>
        </div>
        <button type="submit" className="button" disabled={addModule.isPending || path.trim() === ''}>
          {t('signFlow.diagnostics.add.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {addModule.isError && (
          <p id={errorId} className="field__error" role="alert">
            {errorText(addModule.error)}
          </p>
        )}
        {added && <p role="status">{t('signFlow.diagnostics.add.done', { path: added })}</p>}
      </div>

      <h2>{t('signFlow.diagnostics.cards')}</h2>
      <div aria-live="polite">
        {listing && (
          <p role="status">
            {listing.cards.length === 0
              ? t('signFlow.diagnostics.noCards')
              : t('signFlow.diagnostics.cardCount', { count: listing.cards.length })}
          </p>
        )}
      </div>
      <PracticeCardReader listing={listing} />
      {listing?.cards.map((card) => (
        <CardReport
          key={`${card.module} ${card.slotId} ${card.label}`}
          card={card}
          failureText={failureText}
        />
      ))}
    </section>
  );
}

function CardReport({ card, failureText }: { card: Card; failureText: ReturnType<typeof useFailureText> }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <article className="diagnostics__card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('signFlow.diagnostics.card', { label: card.label })}</h3>
      <dl className="certificate-facts">
        <dt>{t('signFlow.diagnostics.reader')}</dt>
        <dd>{card.slotDescription}</dd>
        <dt>{t('signFlow.diagnostics.maker')}</dt>
        <dd>
          {card.manufacturer} {card.model} · {t('signFlow.diagnostics.serial', { serial: card.serial })}
        </dd>
        <dt>{t('signFlow.diagnostics.module.path')}</dt>
        <dd>
          <code>{card.module}</code>
        </dd>
        <dt>{t('signFlow.diagnostics.pin')}</dt>
        <dd>{t(`signFlow.pinState.${card.pin}`)}</dd>
      </dl>
      {card.problems.map((problem) => (
        <p key={problem} className="certificate-facts__problems">
          {t(`signFlow.card.problem.${problem}`)}
        </p>
      ))}
      {card.certificatesFailure && (
        <p className="queue-panel__error" role="alert">
          {failureText(card.certificatesFailure)}
        </p>
      )}
      {card.certificates.length === 0 && !card.certificatesFailure && (
        <p>{t('signFlow.diagnostics.noCertificates')}</p>
      )}
      {card.certificates.map((certificate) => (
        <section key={certificate.id} className="diagnostics__certificate" aria-label={certificate.label}>
          <h4>
            {t('signFlow.diagnostics.certificate', { label: certificate.label, id: certificate.id })}
            {' — '}
            {certificate.problems.length === 0
              ? t('signFlow.diagnostics.canSign')
              : t('signFlow.diagnostics.cannotSign')}
          </h4>
          <CertificateFacts certificate={certificate} />
        </section>
      ))}
    </article>
  );
}
