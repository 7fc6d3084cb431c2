export { SetupPage as default, SetupPage } from './SetupPage';
