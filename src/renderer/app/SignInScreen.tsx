import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SeatedUser } from '../../shared/api/session';
import { useDemoUsers, useSignedOutBecause, useSignIn } from '../api/hooks';
import { nextActiveIndex } from '../ui/list-navigation';
import { useToasts } from '../ui/Toasts';
import { groupDemoUsers } from './demo-users';
import { useI18n } from './I18nProvider';
import { useErrorMessage } from './useErrorMessage';

const listPageRows = 8;

/** Demo sign-in of the embedded default: pick one of the demo city's people, no password. */
export function SignInScreen() {
  const { t, intl, locale } = useI18n();
  const users = useDemoUsers(true);
  const signIn = useSignIn();
  const signedOutBecause = useSignedOutBecause();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const baseId = useId();

  const groups = useMemo(
    () => groupDemoUsers(users.data ?? [], search, new Intl.Collator(intl), locale),
    [users.data, search, intl, locale],
  );
  const flat = useMemo(() => groups.flatMap((group) => group.users), [groups]);
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1));
  const optionId = (user: SeatedUser) => `${baseId}-user-${user.id}`;

  const choose = (user: SeatedUser) => {
    signIn.mutate(user.id, { onError: (error) => notify(errorMessage(error), 'error') });
  };

  const moveTo = (index: number) => {
    setActive(index);
    const user = flat[index];
    if (user) document.getElementById(optionId(user))?.scrollIntoView({ block: 'nearest' });
  };

  const onListKeyDown = (event: KeyboardEvent) => {
    const next = nextActiveIndex(event.key, activeIndex, flat.length, listPageRows);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    const user = flat[activeIndex];
    if ((event.key === 'Enter' || event.key === ' ') && user) {
      event.preventDefault();
      choose(user);
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && flat.length > 0) {
      event.preventDefault();
      listRef.current?.focus();
    }
    if (event.key === 'Enter' && flat.length === 1 && flat[0]) choose(flat[0]);
  };

  return (
    <section className="sign-in" aria-labelledby={`${baseId}-title`}>
      <h1 id={`${baseId}-title`}>
        {t('signIn.title')} <span className="demo-badge">{t('app.demoBadge')}</span>
      </h1>
      {signedOutBecause && (
        <p className="sign-in__signed-out" role="alert">
          {errorMessage(signedOutBecause)}
        </p>
      )}
      <p className="sign-in__explanation">{t('signIn.explanation')}</p>
      <div className="field">
        <label htmlFor={`${baseId}-search`}>{t('signIn.search')}</label>
        <input
          id={`${baseId}-search`}
          type="search"
          value={search}
          autoComplete="off"
          onChange={(event) => {
            setSearch(event.target.value);
            setActive(0);
          }}
          onKeyDown={onSearchKeyDown}
        />
      </div>
      <p className="hint" id={`${baseId}-hint`}>
        {t('signIn.keyboardHint')}{' '}
        <span role="status">
          {users.data ? t('signIn.matches', { count: flat.length }) : t('app.loading')}
        </span>
      </p>
      {users.isError && <p role="alert">{errorMessage(users.error)}</p>}
      {users.data && flat.length === 0 ? (
        <p className="empty">{t('signIn.noMatches', { text: search })}</p>
      ) : (
        <div
          ref={listRef}
          className="user-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('signIn.listLabel')}
          aria-describedby={`${baseId}-hint`}
          aria-activedescendant={flat[activeIndex] ? optionId(flat[activeIndex]) : undefined}
          aria-busy={signIn.isPending}
          onKeyDown={onListKeyDown}
        >
          {groups.map((group) => (
            <div
              key={group.departmentId}
              role="group"
              aria-labelledby={`${baseId}-dept-${group.departmentId}`}
            >
              <div
                className="user-list__department"
                id={`${baseId}-dept-${group.departmentId}`}
                role="presentation"
              >
                {group.departmentName}
              </div>
              {group.users.map((user) => {
                const index = flat.indexOf(user);
                return (
                  <div
                    key={user.id}
                    id={optionId(user)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className="user-list__option"
                    onClick={() => {
                      setActive(index);
                      choose(user);
                    }}
                  >
                    <span className="user-list__name">{user.personName ?? user.name}</span>
                    {user.personName !== undefined && (
                      <span className="user-list__meta">{t('signIn.seat', { name: user.name })}</span>
                    )}
                    <span className="user-list__meta">
                      {user.position} · {user.roles.map((role) => t(`role.${role}`)).join(', ')}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
