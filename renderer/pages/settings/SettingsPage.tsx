import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useCan } from '../../session/SessionProvider';
import { CatalogueSettingsSections } from './catalogue/CatalogueSettingsSections';
import { OpsSettingsSections } from './OpsSettingsSections';
import { GeneralSettingsForm } from './general/GeneralSettingsForm';
import { OwnPassphraseForm } from './users/OwnPassphraseForm';
import { UsersSection } from './users/UsersSection';

/** Settings: users (admins), one's own passphrase (everyone), general settings (admins). */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const may = useCan();
  return (
    <Page title={t('title')}>
      {may('users.manage') && <UsersSection />}
      <OwnPassphraseForm />
      {may('settings.manage') && (
        <>
          <GeneralSettingsForm />
          <OpsSettingsSections />
          <CatalogueSettingsSections />
        </>
      )}
    </Page>
  );
}
