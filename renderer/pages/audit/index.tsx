export { AuditPage as default, AuditPage } from './AuditPage';
