import { AuthoritiesSection } from './AuthoritiesSection';
import './catalogue.css';
import { DeadlineRulesForm } from './DeadlineRulesForm';
import { LegalBasesSection } from './LegalBasesSection';

/** The admin sections of Settings for the desk's rules and catalogues. */
export function CatalogueSettingsSections() {
  return (
    <>
      <DeadlineRulesForm />
      <AuthoritiesSection />
      <LegalBasesSection />
    </>
  );
}
