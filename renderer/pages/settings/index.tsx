export { SettingsPage as default, SettingsPage } from './SettingsPage';
