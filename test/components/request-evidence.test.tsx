// Node environment: the request comes from the real core on a real vault (native SQLite); the
// panels are rendered to markup as the page renders them and read back in a happy-dom document.
import { Window } from 'happy-dom';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { coreText } from '../../shared/messages';
import type { RequestDetail } from '../../shared/schemas/requests';
import { initI18n } from '../../renderer/i18n';
import { ApprovePanel } from '../../renderer/pages/requests/DecisionPanels';
import { ItemsPanel } from '../../renderer/pages/requests/ItemsPanel';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

// The UI's i18n sets the page's lang attribute: it needs a document.
const page = new Window();
globalThis.document = page.document as unknown as Document;

/** The panel as the page shows it, as a document to query. */
function rendered(panel: ReactElement, lang: 'nl' | 'en'): Document {
  const window = new Window();
  window.document.body.innerHTML = renderToStaticMarkup(
    <I18nextProvider i18n={initI18n(lang)}>{panel}</I18nextProvider>,
  );
  return window.document as unknown as Document;
}

const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '');

/** The request as the real core answers it: logged, checked and matched. */
async function matchedRequest(): Promise<RequestDetail> {
  const d = await registerDesk();
  const { registerNo } = await d.must('requests.create', requestJson());
  await d.must('requests.match', { registerNo });
  return d.must('requests.get', { registerNo });
}

const itemsPanel = (request: RequestDetail) => (
  <ItemsPanel
    request={request}
    busy={false}
    canMatch={false}
    onMatch={() => {}}
    onResolve={() => {}}
  />
);

describe('the evidence of a match, worded', () => {
  it('names each record by what it is, whose it is, when it held and the import it came from (nl)', async () => {
    const request = await matchedRequest();
    const phone = request.matches.find((m) => m.index === 1)!;
    expect(phone.status).toBe('match');
    const assignment = phone.evidence.find((e) => e.table === 'number_assignment')!;
    const version = phone.evidence.find((e) => e.table === 'customer_version')!;
    expect(assignment.importSha256).toMatch(/^[0-9a-f]{64}$/);

    const doc = rendered(itemsPanel(request), 'nl');
    expect(texts(doc, '.evidence summary')[0]).toBe('Bewijs');
    const lines = texts(doc, '.evidence li');
    expect(lines.length).toBe(request.matches.flatMap((m) => m.evidence).length);
    // No raw table names or bare "#id": the officer reads words.
    for (const line of lines) {
      expect(line).not.toMatch(/number_assignment|ip_assignment|customer_version|#\d/);
    }
    const line = lines.find((l) => l.startsWith('Nummertoewijzing:'))!;
    expect(line).toContain(`${assignment.identifier} aan klant ${assignment.customerId}`);
    expect(line).toMatch(/, geldig van \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2} tot /);
    expect(line).toContain(
      `Uit import ${assignment.importId} (bestand ${assignment.importFile}, ingelezen `,
    );
    expect(line).toContain(`recordnr. ${assignment.id}.`);
    expect(line).toContain(`SHA-256 van het bestand: ${assignment.importSha256}`);
    expect(
      lines.some((l) => l.startsWith(`NAW-gegevens van klant ${version.customerId}, geldig van `)),
    ).toBe(true);
  });

  it('says the same in English in the English UI', async () => {
    const request = await matchedRequest();
    const lines = texts(rendered(itemsPanel(request), 'en'), '.evidence li');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((l) => /^Number assignment: \S+ to customer \S+, valid from /.test(l))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('Name and address of customer '))).toBe(true);
    for (const l of lines) {
      expect(l).toMatch(/From import \d+ \(file .+, imported .+\), record no\. \d+\./);
    }
  });
});

describe('the reasons of a refusal, worded', () => {
  it('shows the failed checks’ findings in the UI language, not the core’s English', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ caseReference: undefined, verification: undefined }),
    );
    const failures = (await d.must('requests.get', { registerNo })).check!.failures;
    expect(failures.map((f) => f.code).sort()).toEqual(['missing_case_reference', 'not_verified']);
    // The core repeats the failed checks as the reasons of a refusal without reasons of its own.
    await d.must('requests.decide', { registerNo, outcome: 'refuse' });
    const request = await d.must('requests.get', { registerNo });
    expect(request.decisions[0]!.reasons).toEqual(failures.map((f) => f.message));

    const panel = (
      <ApprovePanel
        request={request}
        busy={false}
        userName="olga"
        canApprove={false}
        onApprove={() => {}}
      />
    );
    const nl = texts(rendered(panel, 'nl'), '.item-list li li');
    expect(nl).toEqual(failures.map((f) => coreText('nl', f.key!, f.params)));
    expect(nl.some((r) => failures.some((f) => f.message === r))).toBe(false);
    const en = texts(rendered(panel, 'en'), '.item-list li li');
    expect(en).toEqual(failures.map((f) => coreText('en', f.key!, f.params)));
  });
});
