import { BackupPanel } from './backup/BackupPanel';
import { DeskPolicyForm } from './policy/DeskPolicyForm';
import { OrganisationForm } from './organisation/OrganisationForm';
import { PurgeDueNotice } from './purge/PurgeDueNotice';
import { PurgePanel } from './purge/PurgePanel';

/** The admin sections of the Settings page that operate the desk. */
export function OpsSettingsSections() {
  return (
    <>
      <PurgeDueNotice />
      <OrganisationForm />
      <DeskPolicyForm />
      <BackupPanel />
      <PurgePanel />
    </>
  );
}
