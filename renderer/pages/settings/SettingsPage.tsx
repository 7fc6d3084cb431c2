import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useCan } from '../../session/SessionProvider';
import { BackupPanel } from './backup/BackupPanel';
import { CatalogueSettingsSections } from './catalogue/CatalogueSettingsSections';
import { GeneralSettingsForm } from './general/GeneralSettingsForm';
import { OrganisationForm } from './organisation/OrganisationForm';
import { DeskPolicyForm } from './policy/DeskPolicyForm';
import { PurgeDueNotice } from './purge/PurgeDueNotice';
import { PurgePanel } from './purge/PurgePanel';
import { OwnPassphraseForm } from './users/OwnPassphraseForm';
import { UsersSection } from './users/UsersSection';

/**
 * Settings: users (admins), one's own passphrase (everyone); for admins the desk itself: general
 * settings, organisation and letterhead, policy, backup, retention, rules and catalogues.
 */
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
          <PurgeDueNotice />
          <OrganisationForm />
          <DeskPolicyForm />
          <BackupPanel />
          <PurgePanel />
          <CatalogueSettingsSections />
        </>
      )}
    </Page>
  );
}
