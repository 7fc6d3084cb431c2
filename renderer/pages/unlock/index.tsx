export { UnlockPage as default, UnlockPage } from './UnlockPage';
