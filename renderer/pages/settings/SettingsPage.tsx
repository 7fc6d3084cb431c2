import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { CatalogueSettingsSections } from '../catalogue/CatalogueSettingsSections';
import { OpsSettingsSections } from '../ops/OpsSettingsSections';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { OwnPassphraseForm } from './OwnPassphraseForm';
import { UsersSection } from './UsersSection';

/** Settings: users (admins), one's own passphrase (everyone), general settings (admins). */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const role = useSession().state?.user?.role;
  return (
    <Page title={t('title')}>
      {role && can(role, 'users.manage') && <UsersSection />}
      <OwnPassphraseForm />
      {role && can(role, 'settings.manage') && <GeneralSettingsForm />}
      {role && can(role, 'settings.manage') && <OpsSettingsSections />}
      {role && can(role, 'settings.manage') && <CatalogueSettingsSections />}
    </Page>
  );
}
