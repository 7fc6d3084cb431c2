import { useCan } from '../../../session/SessionProvider';
import { AuthoritiesList } from './AuthoritiesList';
import { AuthoritiesSection } from './AuthoritiesSection';
import './catalogue.css';
import { LegalBasesList } from './LegalBasesList';
import { LegalBasesSection } from './LegalBasesSection';

// The catalogue sections of Settings: admins get the editors, those who handle requests read it.

export function AuthoritiesPage() {
  return useCan()('settings.manage') ? <AuthoritiesSection /> : <AuthoritiesList />;
}

export function LegalBasesPage() {
  return useCan()('settings.manage') ? <LegalBasesSection /> : <LegalBasesList />;
}
