import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');

/** Debian's Chromium, headless, with no network chatter of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * The zone of the e2e workstation: not Dutch time, on purpose. The desk shows and pre-fills every
 * time in Europe/Amsterdam whatever the workstation's zone, so every journey runs as on a
 * workstation abroad (or set wrongly) and would see a screen an hour or more off.
 */
export const WORKSTATION_TIME_ZONE = 'America/New_York';

/**
 * Opens a page that collects every CSP violation (Chromium reports it as a console error),
 * uncaught error and console error in `problems`, which the journeys expect to stay empty, so a
 * blocked inline style or script cannot slip by unnoticed.
 */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    timezoneId: WORKSTATION_TIME_ZONE,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

/** A full-page screenshot into test-results/screens/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core scan of the current page; returns serious and critical violations as readable lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Screenshots the current page as `name`, then fails unless axe finds nothing serious on it. */
export async function expectAxeClean(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousA11yViolations(page), `axe: ${name}`).toEqual([]);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is `target`, at most `max` times; returns
 * the count. Proves the element is reachable by keyboard in the page's focus order.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  max = 40,
  direction: 'forward' | 'backward' = 'forward',
): Promise<number> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
    if (await handle.evaluate(hasFocus)) return i;
  }
  throw new Error(`tabTo: not reached with ${max} presses of Tab`);
}

// Runs in the page. This tsconfig has no DOM lib, hence the minimal structural type.
const hasFocus = (el: unknown): boolean =>
  el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;

/** Whether the element has keyboard focus. */
export const isFocused = (target: Locator): Promise<boolean> => target.evaluate(hasFocus);
