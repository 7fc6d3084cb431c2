export { CustomersPage as default, CustomersPage } from './CustomersPage';
