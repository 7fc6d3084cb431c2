import { Route, Routes } from 'react-router';
import { NewRequestPage } from './NewRequestPage';
import { RegisterPage } from './RegisterPage';
import { RequestPage } from './RequestPage';
import './requests.css';

/** The request register: list and dashboard, the logging form, and one request's workflow. */
export default function RequestsPage() {
  return (
    <Routes>
      <Route index element={<RegisterPage />} />
      <Route path="new" element={<NewRequestPage />} />
      <Route path=":registerNo" element={<RequestPage />} />
    </Routes>
  );
}
