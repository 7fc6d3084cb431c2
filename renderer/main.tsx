import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createDeskRouter } from './App';
import { initI18n } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/components.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App i18n={initI18n()} router={createDeskRouter()} />
  </StrictMode>,
);
