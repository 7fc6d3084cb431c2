import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { App, createDeskRouter } from '../../../renderer/App';
import { initI18n } from '../../../renderer/i18n';
import type { UiLanguage } from '../../../renderer/i18n/namespaces';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.location.hash = '';
});

/** Renders the whole renderer (i18n, session, hash router) at a route, as main.tsx does. */
export function renderApp(path = '/', language: UiLanguage = 'nl') {
  window.location.hash = `#${path}`;
  const i18n = initI18n(language);
  const router = createDeskRouter();
  const utils = render(<App i18n={i18n} router={router} />);
  return { ...utils, router, i18n };
}
