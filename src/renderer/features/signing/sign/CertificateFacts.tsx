import type { CardCertificate } from '../../../../shared/api/signing';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant } from '../../../ui/format';

/**
 * What a certificate says of its holder and itself, and why it cannot sign (if it cannot). Compact:
 * the NIF, the issuer and the validity, as a signer picking a certificate needs them.
 */
export function CertificateFacts({
  certificate,
  compact = false,
}: {
  certificate: CardCertificate;
  compact?: boolean;
}) {
  const { t, tDynamic, intl } = useI18n();
  const none = t('signFlow.none');
  const { holder } = certificate;
  return (
    <>
      <dl className="certificate-facts">
        {!compact && (
          <>
            <dt>{t('signFlow.certificate.holder')}</dt>
            <dd>{holder.name || none}</dd>
          </>
        )}
        <dt>{t('signFlow.certificate.nif')}</dt>
        <dd>{holder.nif ?? none}</dd>
        {!compact && (
          <>
            <dt>{t('signFlow.certificate.position')}</dt>
            <dd>{[holder.position, holder.organization].filter(Boolean).join(' · ') || none}</dd>
          </>
        )}
        <dt>{t('signFlow.certificate.issuer')}</dt>
        <dd>{certificate.issuer || none}</dd>
        <dt>{t('signFlow.certificate.validity')}</dt>
        <dd>
          {t('signFlow.certificate.validFromTo', {
            from: formatInstant(certificate.notBefore, intl),
            to: formatInstant(certificate.notAfter, intl),
          })}
        </dd>
        {!compact && (
          <>
            <dt>{t('signFlow.certificate.keyUsage')}</dt>
            <dd>
              {certificate.keyUsage
                ? certificate.keyUsage
                    .map((usage) =>
                      tDynamic(`signFlow.keyUsage.${usage}`, 'signFlow.keyUsage.other', { usage }),
                    )
                    .join(', ')
                : none}
            </dd>
            <dt>{t('signFlow.certificate.keyType')}</dt>
            <dd>{certificate.keyType}</dd>
          </>
        )}
      </dl>
      {certificate.problems.length > 0 && (
        <ul className="certificate-facts__problems">
          {certificate.problems.map((problem) => (
            <li key={problem}>{t(`signFlow.certificate.problem.${problem}`)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
