import { useState, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useSession } from '../../session/SessionProvider';
import { allowed } from '../shell/nav';
import { arrivalTarget } from './arrival';
import { BackupPanel } from './backup/BackupPanel';
import { AuthoritiesPage, LegalBasesPage } from './catalogue/CatalogueSettingsSections';
import { GeneralSettingsForm } from './general/GeneralSettingsForm';
import { DeskRulesPage } from './import/DeskRulesPage';
import { OrganisationForm } from './organisation/OrganisationForm';
import { DeskPolicyForm } from './policy/DeskPolicyForm';
import { PurgePanel } from './purge/PurgePanel';
import { SETTINGS_SECTIONS, settingsPath, type SettingsSectionKey } from './section-list';
import { SettingsNav } from './SettingsNav';
import { OwnPassphraseForm } from './users/OwnPassphraseForm';
import { UsersSection } from './users/UsersSection';
import './settings.css';

const CONTENT: Record<SettingsSectionKey, ComponentType> = {
  users: UsersSection,
  organisation: OrganisationForm,
  general: GeneralSettingsForm,
  deadlines: DeskRulesPage,
  policy: DeskPolicyForm,
  authorities: AuthoritiesPage,
  'legal-bases': LegalBasesPage,
  retention: PurgePanel,
  backup: BackupPanel,
  passphrase: OwnPassphraseForm,
};

/**
 * Settings: a sub-navigation of the sections this role may open, each its own route
 * (`/settings/<section>`); `/settings` opens the first of them. Everyone changes their own
 * passphrase; those who handle requests read the catalogue; admins run the desk.
 */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const role = useSession().state?.user?.role;
  const location = useLocation();
  // A link that names a section heading focuses it itself; the page heading then keeps still.
  const [arrived] = useState(() => arrivalTarget(location.state) !== null);
  const sections = role ? SETTINGS_SECTIONS.filter((s) => allowed(role, s.needs)) : [];
  const first = sections[0];
  return (
    <Page title={t('title')} focusHeading={!arrived}>
      <div className="settings-layout">
        <SettingsNav sections={sections} />
        <div className="settings-layout__section">
          <Routes>
            {sections.map((s) => {
              const Content = CONTENT[s.key];
              return <Route key={s.key} path={s.key} element={<Content />} />;
            })}
            {first && (
              <Route path="*" element={<Navigate to={settingsPath(first.key)} replace />} />
            )}
          </Routes>
        </div>
      </div>
    </Page>
  );
}
