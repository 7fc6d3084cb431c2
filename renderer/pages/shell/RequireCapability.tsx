import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { allowed, type NavEntry } from './nav';

/** Shows the page only to roles that may use it (the core checks again on every call). */
export function RequireCapability({
  needs,
  children,
}: {
  needs: NavEntry['needs'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const role = useSession().state?.user?.role;
  if (!role || !allowed(role, needs)) {
    return (
      <Page title={t('notAllowed.title')}>
        <p>{t('notAllowed.text')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
