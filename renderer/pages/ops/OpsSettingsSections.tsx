import { BackupPanel } from './BackupPanel';
import { DeskPolicyForm } from './DeskPolicyForm';
import { OrganisationForm } from './OrganisationForm';
import { PurgeDueNotice } from './PurgeDueNotice';
import { PurgePanel } from './PurgePanel';

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
