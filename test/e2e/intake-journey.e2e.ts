import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { requestMail } from '../fixtures/intake/e2e/request-mail';
import { expectAxeClean } from './support/browser';
import { dateTimeValue } from './support/date-time';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/**
 * The document-first wizard in Chromium over the loopback harness: the officer drops a police
 * e-mail with the vordering as a PDF attachment; the desk reads it and fills in the form beside
 * the document; she confirms the two identifiers against their source lines and logs the
 * request, verifies the requester, matches and decides. From the drop to "awaiting approval" the
 * journey is counted: at most 10 clicks and not one key pressed. The request holds the mail as
 * its original document (readable again as text) and the audit log what was read and changed.
 */
describe('intake journey', () => {
  let desk: E2EDesk;
  let page: Page;
  let mail: Buffer;
  let registerNo = '';
  let clicks = 0;

  const scan = (name: string) => expectAxeClean(page, name);
  /** A click of the officer's journey: counted. */
  async function click(target: Locator) {
    clicks++;
    await target.click();
  }
  /** What the page itself saw of the officer: trusted clicks and key presses since counting began. */
  const seen = () =>
    page.evaluate('({ clicks: window.__intakeClicks, keys: window.__intakeKeys })') as Promise<{
      clicks: number;
      keys: number;
    }>;
  const item = (n: number) => page.getByRole('group', { name: `Identificator ${n}` });

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-intake-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    await desk.must('vault.lock', {});
    mail = await requestMail();
  });

  afterAll(() => desk?.close());

  it('the officer drops the e-mail; the form is filled beside the marked document', async () => {
    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
    await page.getByRole('link', { name: 'Verzoeken' }).first().click();
    await page.getByRole('link', { name: 'Nieuw verzoek registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    await scan('intake-01-drop-zone');

    // From here the officer's clicks and key presses are counted, by the test and by the page.
    await page.evaluate(`(() => {
      window.__intakeClicks = 0;
      window.__intakeKeys = 0;
      document.addEventListener('click', (e) => { if (e.isTrusted) window.__intakeClicks++; }, true);
      document.addEventListener('keydown', (e) => { if (e.isTrusted) window.__intakeKeys++; }, true);
    })()`);
    const transfer = await page.evaluateHandle(
      ({ base64, name }) => {
        const w = globalThis as unknown as {
          atob(s: string): string;
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: unknown[], name: string, o: { type: string }) => unknown;
        };
        const bin = w.atob(base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new w.DataTransfer();
        dt.items.add(new w.File([bytes], name, { type: 'message/rfc822' }));
        return dt;
      },
      { base64: mail.toString('base64'), name: 'verzoek.eml' },
    );
    const zone = page.locator('[data-dropzone="intake"]');
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('Ingelezen uit verzoek.eml').waitFor();

    // The document beside the form: the mail and its attachment, the values marked.
    const doc = page.getByRole('region', { name: 'Tekst van het document' });
    await doc.getByText('Pagina 2 · vordering.pdf').waitFor();
    expect(await doc.locator('mark.intake-mark--item').allTextContents()).toEqual([
      '06-12345678',
      '1 mei 2024 om 10:00 uur',
      '203.0.113.5',
      '1500',
      '1 juni 2025 om 14:00 uur',
    ]);
    // The requester's own number is read as the requester's, never offered as an identifier.
    expect(await doc.locator('mark.intake-mark--field', { hasText: '020 555 0100' }).count()).toBe(
      1,
    );

    // The form, filled in: nothing typed.
    expect(await page.getByLabel('Instantie').inputValue()).toBe('pol-amsterdam');
    expect(await page.getByLabel('Wettelijke grondslag').inputValue()).toBe('sv-126na-1');
    expect(await page.getByLabel('Zaaknummer (PV/BVH of parketnummer)').inputValue()).toBe(
      'PL1300-2026012345',
    );
    expect(await dateTimeValue(page, 'Ontvangen op')).toBe('2026-12-01T09:15');
    const requester = page.getByRole('region', { name: 'Aanvrager' });
    expect(await requester.getByLabel('Naam').inputValue()).toBe('J. de Boer');
    expect(await requester.getByLabel('Dienstnummer').inputValue()).toBe('AB1234');
    expect(await item(1).getByLabel('Nummer of adres').inputValue()).toBe('+31612345678');
    expect(await dateTimeValue(item(1), 'Moment')).toBe('2024-05-01T10:00');
    expect(await item(2).getByLabel('Nummer of adres').inputValue()).toBe('203.0.113.5');
    expect(await item(2).getByLabel('Bronpoort').inputValue()).toBe('1500');
    expect(await dateTimeValue(item(2), 'Moment')).toBe('2025-06-01T14:00');
    // Every identifier row shows the line it was read from.
    expect(await item(1).locator('.item-source__line').textContent()).toBe(
      'Bronregel (p. 2) 1. telefoonnummer 06-12345678 op 1 mei 2024 om 10:00 uur;',
    );
    expect(await item(2).locator('.item-source__line').textContent()).toBe(
      'Bronregel (p. 2) 2. IP-adres 203.0.113.5 met bronpoort 1500 op 1 juni 2025 om 14:00 uur.',
    );
    await scan('intake-02-read');
    // Focusing an identifier marks its values in the document.
    await item(2).getByLabel('Nummer of adres').focus();
    await doc.locator('mark.intake-mark--active', { hasText: '203.0.113.5' }).waitFor();
  });

  it('confirm → log → verify → match → decide: at most 10 clicks, no identifier typed', async () => {
    await click(item(1).getByLabel('Klopt met het document'));
    await click(item(2).getByLabel('Klopt met het document'));
    await scan('intake-03-confirmed');
    await click(page.getByRole('button', { name: 'Bevestigen en registreren' }));
    const heading = page.getByRole('heading', { level: 1, name: /^Verzoek \d{4}-0001$/ });
    await heading.waitFor();
    registerNo = (await heading.textContent())!.replace(/^Verzoek(en)? /, '');
    await scan('intake-04-logged');

    await click(page.getByRole('button', { name: 'Verificatie vastleggen' }));
    await page.getByText('Alle controles geslaagd: het verzoek kan worden gematcht.').waitFor();
    await click(page.getByRole('button', { name: 'Controleren en matchen', exact: true }));
    const row = (n: number) => page.locator(`tr[data-item="${n}"]`);
    await row(1).getByText('Jan de Vries').waitFor();
    await row(2).getByText('Pieter Bakker').waitFor();
    await scan('intake-05-matched');

    // No outcome is chosen beforehand: the officer picks the suggested one.
    await click(page.getByRole('radio', { name: /^Verstrekken/ }));
    await click(page.getByRole('button', { name: 'Besluit vastleggen' }));
    await page.getByText('wacht op goedkeuring', { exact: true }).waitFor();
    await scan('intake-06-awaiting-approval');

    expect(clicks).toBeLessThanOrEqual(10);
    expect(await seen()).toEqual({ clicks, keys: 0 });
  });

  it('the request holds the mail as its document, readable again as text, and the right items', async () => {
    const r = await desk.must('requests.get', { registerNo });
    const sha256 = createHash('sha256').update(mail).digest('hex');
    expect(r.document).toEqual({
      name: 'verzoek.eml',
      mime: 'message/rfc822',
      size: mail.length,
      sha256,
    });
    expect(r.items.map((i) => [i.kind, i.normalised, i.port, i.moment, i.timeZone, i.utc])).toEqual(
      [
        [
          'phone',
          '+31612345678',
          null,
          '2024-05-01T10:00',
          'Europe/Amsterdam',
          '2024-05-01T08:00:00.000Z',
        ],
        [
          'ip',
          '203.0.113.5',
          1500,
          '2025-06-01T14:00',
          'Europe/Amsterdam',
          '2025-06-01T12:00:00.000Z',
        ],
      ],
    );
    expect(r.status).toBe('awaiting_approval');

    // The audit log: the document's hash, what was read, nothing changed (names, never values).
    const row = desk.harness.session
      .vault!.db.prepare(
        "SELECT details FROM audit_event WHERE action = 'request.created' AND subject = ?",
      )
      .get(`request:${registerNo}`) as { details: string };
    const intake = (JSON.parse(row.details) as { intake: Record<string, unknown> }).intake;
    expect(intake).toMatchObject({ from: 'document', sha256, changed: [] });
    expect(intake.extracted).toEqual(
      expect.arrayContaining(['authority', 'items.0.value', 'items.1.port', 'items.1.moment']),
    );
    expect(row.details).not.toContain('06-12345678');

    await page.getByRole('button', { name: 'Document openen' }).click();
    const pages = page.getByRole('region', { name: 'Tekst van verzoek.eml' });
    await pages.getByText('Pagina 2 · vordering.pdf').waitFor();
    await pages.getByText(/2\. IP-adres 203\.0\.113\.5 met bronpoort 1500/).waitFor();
    await scan('intake-07-document-reopened');
    expect(desk.problems).toEqual([]);
  });
});
