import type { ConnectionStatus } from '../api/transport';
import { useI18n } from './I18nProvider';

/**
 * What the desk says while the local server is out of reach, and what the user can do about it:
 * wait while it retries, try again once it gave up, or open the new address after a restart.
 */
export function ConnectionBanner({ status, onRetry }: { status: ConnectionStatus; onRetry: () => void }) {
  const { t } = useI18n();
  if (status === 'connected') return null;
  if (status === 'reconnecting')
    return (
      <p className="connection-banner" role="alert">
        {t('app.connectionLost')}
      </p>
    );
  const [message, action, act] =
    status === 'unreachable'
      ? [t('connection.unreachable'), t('connection.retry'), onRetry]
      : [t('connection.refused'), t('connection.reload'), () => window.location.reload()];
  return (
    <div className="connection-banner connection-banner--stopped" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={act}>
        {action}
      </button>
    </div>
  );
}
