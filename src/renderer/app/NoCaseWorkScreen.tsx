import { useId } from 'react';
import type { Role } from '../../shared/domain/cases';
import { useI18n } from './I18nProvider';

/** What the administrator does instead, with the `despacho` command where the data is kept. */
const adminCommands = [
  { command: 'despacho db migrate', key: 'workspace.admin.migrate' },
  { command: 'despacho db verify-audit', key: 'workspace.admin.verifyAudit' },
] as const;

/** For users whose roles read no cases: why there are no queues, and (for the administrator) what instead. */
export function NoCaseWorkScreen({ roles }: { roles: readonly Role[] }) {
  const { t, intl } = useI18n();
  const titleId = useId();
  const roleNames = new Intl.ListFormat(intl, { type: 'conjunction' }).format(
    roles.map((role) => t(`role.${role}`)),
  );
  return (
    <section className="no-case-work" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('workspace.noCaseWork.title')}</h1>
      {roles.includes('admin') ? (
        <>
          <p>{t('workspace.admin.explanation')}</p>
          <p>{t('workspace.admin.commandsIntro')}</p>
          <dl className="no-case-work__commands">
            {adminCommands.map(({ command, key }) => (
              <div key={command}>
                <dt>
                  <code>{command}</code>
                </dt>
                <dd>{t(key)}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t('workspace.admin.where')}</p>
        </>
      ) : (
        <p>{t('workspace.noCaseWork.otherRoles', { roles: roleNames })}</p>
      )}
    </section>
  );
}
