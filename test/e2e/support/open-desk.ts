import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness, type HarnessOptions } from '../../harness/server';
import { launchBrowser, openPage } from './browser';
import { E2E_KDF, mustOn, type Must } from './desk';

export interface OpenDeskOptions extends Omit<HarnessOptions, 'vaultDir'> {
  /** Prefix of the temporary folder that holds the vault and whatever the journey writes. */
  prefix: string;
  /** The vault's folder name inside it. */
  vaultFolder?: string;
  /** Fills the vault with a session of its own before the harness opens it. */
  prepare?: (vaultDir: string) => Promise<void>;
}

/** One journey's desk: harness, Chromium and a page that collects problems; `close` removes all. */
export interface E2EDesk {
  dir: string;
  vaultDir: string;
  harness: Harness;
  browser: Browser;
  page: Page;
  /** Console errors (CSP violations among them) and uncaught page errors, as they happen. */
  problems: string[];
  /** A typed call through the harness session's handler table that must succeed. */
  must: Must;
  close(): Promise<void>;
}

/**
 * A temporary folder with the vault (prepared first, if asked), the loopback harness over it
 * (the cheap journey KDF, the renderer build in NAW_DESK_RENDERER_DIR when set), Debian's Chromium
 * and a page not yet navigated: the journey decides when to open `harness.url`.
 */
export async function openDesk(options: OpenDeskOptions): Promise<E2EDesk> {
  const { prefix, vaultFolder = 'vault', prepare, ...harnessOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const vaultDir = join(dir, vaultFolder);
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await prepare?.(vaultDir);
    harness = await startHarness({
      kdfCost: E2E_KDF,
      ...(process.env.NAW_DESK_RENDERER_DIR
        ? { rendererDir: process.env.NAW_DESK_RENDERER_DIR }
        : {}),
      ...harnessOptions,
      vaultDir,
    });
    browser = await launchBrowser();
    const { page, problems } = await openPage(browser);
    return {
      dir,
      vaultDir,
      harness,
      browser,
      page,
      problems,
      must: mustOn(harness.session),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Signs in on the unlock screen and waits for the signed-in shell (its Lock button). */
export async function signIn(page: Page, userName: string, passphrase: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(userName);
  await page.getByLabel('Wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
}
