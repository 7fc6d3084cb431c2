import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { CatalogueSettingsSections } from './catalogue/CatalogueSettingsSections';
import { OpsSettingsSections } from './OpsSettingsSections';
import { GeneralSettingsForm } from './general/GeneralSettingsForm';
import { OwnPassphraseForm } from './users/OwnPassphraseForm';
import { UsersSection } from './users/UsersSection';

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
