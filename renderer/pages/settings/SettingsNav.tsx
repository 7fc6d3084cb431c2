import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { sectionLink, type SETTINGS_SECTIONS, type SettingsGroup } from './section-list';

type Section = (typeof SETTINGS_SECTIONS)[number];

/**
 * The sub-navigation of Settings: the sections this role may open, in their groups. A NavLink
 * marks the open section with aria-current="page"; following a link focuses that section's
 * heading once it has loaded.
 */
export function SettingsNav({ sections }: { sections: readonly Section[] }) {
  const { t } = useTranslation('settings');
  const groups = [...new Set(sections.map((s) => s.group))] as SettingsGroup[];
  return (
    <nav className="settings-nav" aria-label={t('nav.label')}>
      {groups.map((g) => (
        <div key={g} className="settings-nav__group">
          <p className="settings-nav__title" id={`settings-nav-${g}`}>
            {t(`nav.groups.${g}`)}
          </p>
          <ul aria-labelledby={`settings-nav-${g}`}>
            {sections
              .filter((s) => s.group === g)
              .map((s) => {
                const link = sectionLink(s.key);
                return (
                  <li key={s.key}>
                    <NavLink to={link.to} state={link.state} className="settings-nav__link">
                      {t(`nav.sections.${s.key}`)}
                    </NavLink>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
