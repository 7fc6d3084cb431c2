import { BackupPanel } from './BackupPanel';
import { DeskPolicyForm } from './DeskPolicyForm';
import { OrganisationForm } from './OrganisationForm';
import { PurgeDueNotice } from './PurgeDueNotice';
import { PurgePanel } from './PurgePanel';

/** The admin sections of the Settings page that operate the desk (issue 7). */
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
