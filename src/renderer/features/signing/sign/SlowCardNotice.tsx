import { useI18n } from '../../../app/I18nProvider';
import { useSlowCard } from './useCards';

/** "La tarjeta tarda en responder", said while a card request is past its slow limit. */
export function SlowCardNotice() {
  const { t } = useI18n();
  const slow = useSlowCard();
  return (
    <p className="sign-slow" role="status" aria-live="polite">
      {slow &&
        (slow.token !== null
          ? t('tokens.slow.card', { token: slow.token, doing: t(`tokens.doing.${slow.operation}`) })
          : t('tokens.slow.module', {
              module: slow.modules.join(', '),
              doing: t(`tokens.doing.${slow.operation}`),
            }))}
    </p>
  );
}
