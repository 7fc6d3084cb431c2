import { describe, expect, it } from 'vitest';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

type D = Awaited<ReturnType<typeof registerDesk>>;

const PHONE = {
  authority: 'pol-lo',
  kind: 'phone' as const,
  value: '088 - 662 33 00',
  verifiedBy: 'Anna de Vries',
  verifiedAt: '2026-02-20',
  verifiedHow: 'politie.nl contact page, called the switchboard and was put through',
  independent: true as const,
};

async function auditOf(d: D, action: string) {
  return (await d.must('audit.list', { action, limit: 50 })).events;
}

describe('catalogue editing: authorities and their verified contact channels', () => {
  it('an officer may read the catalogue but never edit it', async () => {
    const d = await registerDesk();
    expect((await d.must('catalogue.authorities', {})).length).toBeGreaterThan(20);
    const r = await d.call('catalogue.addAuthority', {
      code: 'pol-x',
      name: 'Politie X',
      kind: 'police',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('FORBIDDEN');
    // The whole view with who verified each channel is theirs to read (call-backs).
    expect((await d.must('catalogue.view', {})).authorities.length).toBeGreaterThan(20);
  });

  it('adds an authority and a verified phone channel (normalised, who/when/how), audited', async () => {
    const d = await registerDesk();
    await d.as('admin');
    const a = await d.must('catalogue.addAuthority', {
      code: 'KMar-Schiphol',
      name: 'Koninklijke Marechaussee – District Schiphol',
      kind: 'kmar',
    });
    expect(a).toMatchObject({ code: 'kmar-schiphol', active: true, contacts: [], requestCount: 0 });
    const withPhone = await d.must('catalogue.addContact', { ...PHONE, authority: a.code });
    expect(withPhone.contacts).toEqual([
      expect.objectContaining({
        kind: 'phone',
        value: '+31886623300',
        verifiedBy: 'Anna de Vries',
        verifiedAt: '2026-02-20',
        verifiedHow: PHONE.verifiedHow,
        addedBy: 'admin',
      }),
    ]);
    // The same number again (other spelling) is refused.
    const dup = await d.call('catalogue.addContact', {
      ...PHONE,
      authority: a.code,
      value: '+31 88 662 3300',
    });
    expect(!dup.ok && dup.code).toBe('CONFLICT');

    // Survives a lock: it is in the encrypted vault. Officers see it when verifying a request.
    await d.as('olga');
    const listed = (await d.must('catalogue.authorities', {})).find((x) => x.code === a.code)!;
    expect(listed.contacts).toEqual([
      { kind: 'phone', value: '+31886623300', verifiedAt: '2026-02-20', note: '' },
    ]);

    await d.as('admin');
    const [added] = await auditOf(d, 'catalogue.authority.added');
    expect(added).toMatchObject({ subject: 'authority:kmar-schiphol', user: 'admin' });
    expect(added!.details.after).toMatchObject({ kind: 'kmar' });
    const [contact] = await auditOf(d, 'catalogue.contact.added');
    expect(contact!.details).toMatchObject({
      before: null,
      after: { value: '+31886623300', verifiedBy: 'Anna de Vries' },
    });

    const id = withPhone.contacts[0]!.id;
    const none = await d.call('catalogue.removeContact', {
      authority: a.code,
      contactId: id,
    } as { authority: string; contactId: string; reason: string });
    expect(!none.ok && none.code).toBe('BAD_INPUT'); // a reason is required
    const removed = await d.must('catalogue.removeContact', {
      authority: a.code,
      contactId: id,
      reason: 'Number changed per letter of 2026-03-01',
    });
    expect(removed.contacts).toEqual([]);
    const [gone] = await auditOf(d, 'catalogue.contact.removed');
    expect(gone!.details).toMatchObject({
      before: { value: '+31886623300' },
      after: null,
      reason: 'Number changed per letter of 2026-03-01',
    });
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });

  it('refuses a channel not confirmed as independently verified, from the future, or malformed', async () => {
    const d = await registerDesk('2026-03-02T12:00:00Z', { dutyDesk: false });
    await d.as('admin');
    const bad = async (over: Record<string, unknown>, field: RegExp) => {
      const r = await d.call('catalogue.addContact', { ...PHONE, ...over } as typeof PHONE);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('BAD_INPUT');
        expect(r.message).toMatch(field);
      }
    };
    await bad({ independent: false }, /independent/);
    await bad({ verifiedAt: '2026-03-03' }, /future/);
    await bad({ verifiedAt: '2026-02-30' }, /YYYY-MM-DD/);
    await bad({ verifiedBy: ' ' }, /verifiedBy/);
    await bad({ kind: 'email', value: 'not-an-address' }, /e-mail/);
    await bad({ kind: 'portal', value: 'http://portal.example.nl' }, /https/);
    await bad({ value: '12' }, /value/);
    const view = await d.must('catalogue.view', {});
    expect(view.authorities.find((a) => a.code === 'pol-lo')!.contacts).toEqual([]);
    expect(await auditOf(d, 'catalogue.contact.added')).toEqual([]);
  });

  it("judges 'not in the future' by the desk's calendar day in Amsterdam", async () => {
    const d = await registerDesk('2026-03-02T23:30:00Z'); // 00:30 on 3 March in Amsterdam
    await d.as('admin');
    const a = await d.must('catalogue.addContact', { ...PHONE, verifiedAt: '2026-03-03' });
    expect(a.contacts[0]!.verifiedAt).toBe('2026-03-03');
    const r = await d.call('catalogue.addContact', {
      ...PHONE,
      kind: 'email',
      value: 'desk@politie.example',
      verifiedAt: '2026-03-04',
    });
    expect(!r.ok && r.message).toMatch(/future/);
  });

  it('edits name, kind and legacy flag with before/after; a name is unique', async () => {
    const d = await registerDesk();
    await d.as('admin');
    const a = await d.must('catalogue.updateAuthority', {
      code: 'ciot',
      name: 'CIOT (Centraal Informatiepunt Onderzoek Telecommunicatie)',
      legacy: true,
    });
    expect(a).toMatchObject({ legacy: true, kind: 'intermediary' });
    const [ev] = await auditOf(d, 'catalogue.authority.changed');
    expect(ev!.details).toEqual({
      before: {
        name: 'Centraal Informatiepunt Onderzoek Telecommunicatie (CIOT)',
        legacy: false,
      },
      after: { name: 'CIOT (Centraal Informatiepunt Onderzoek Telecommunicatie)', legacy: true },
    });
    const clash = await d.call('catalogue.updateAuthority', {
      code: 'aivd',
      name: 'cIOT (Centraal Informatiepunt Onderzoek Telecommunicatie)',
    });
    expect(!clash.ok && clash.code).toBe('CONFLICT');
    // Nothing changed: no audit event.
    await d.must('catalogue.updateAuthority', { code: 'ciot', legacy: true });
    expect(await auditOf(d, 'catalogue.authority.changed')).toHaveLength(1);
  });

  it('never removes an authority a request refers to: deactivate instead; old requests stay readable', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.as('admin');
    const r = await d.call('catalogue.removeAuthority', { code: 'pol-amsterdam' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('CONFLICT');
      expect(r.message).toMatch(/1 request\(s\).*Deactivate it instead/);
    }
    const off = await d.must('catalogue.updateAuthority', { code: 'pol-amsterdam', active: false });
    expect(off).toMatchObject({ active: false, requestCount: 1 });
    // The foreign key refuses it below the handler too.
    const db = d.session.vault!.db;
    expect(() => db.prepare(`DELETE FROM authority WHERE code = 'pol-amsterdam'`).run()).toThrow(
      /FOREIGN KEY/,
    );

    await d.as('olga');
    expect((await d.must('catalogue.authorities', {})).map((a) => a.code)).not.toContain(
      'pol-amsterdam',
    );
    const again = await d.call('requests.create', requestJson());
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/no longer active/);
    const old = await d.must('requests.get', { registerNo });
    expect(old.authority.code).toBe('pol-amsterdam');

    // An unused authority (e.g. added by mistake) can be removed, with the removed row audited.
    await d.as('admin');
    await d.must('catalogue.addAuthority', { code: 'typo', name: 'Politei', kind: 'police' });
    await d.must('catalogue.removeAuthority', { code: 'typo' });
    const [ev] = await auditOf(d, 'catalogue.authority.removed');
    expect(ev!.details).toMatchObject({ before: { name: 'Politei' }, after: null });
    expect((await d.must('catalogue.view', {})).authorities.some((a) => a.code === 'typo')).toBe(
      false,
    );
  });
});

describe('catalogue editing: legal bases', () => {
  it('edits the allowed categories; the checks of new requests follow the catalogue', async () => {
    const d = await registerDesk();
    await d.as('admin');
    const b = await d.must('catalogue.updateLegalBasis', {
      code: 'sv-126na-1',
      categories: ['name', 'address', 'city'],
      versionDate: '2026-03-01',
    });
    expect(b.categories).toEqual(['name', 'address', 'city']);
    const [ev] = await auditOf(d, 'catalogue.legalBasis.changed');
    expect(ev!.subject).toBe('legal_basis:sv-126na-1');
    expect(ev!.details).toEqual({
      before: {
        categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
        versionDate: '2026-01-01',
      },
      after: { categories: ['name', 'address', 'city'], versionDate: '2026-03-01' },
    });

    await d.as('olga');
    const { registerNo } = await d.must('requests.create', requestJson({ categories: ['naw'] }));
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refuse');
    expect(c.failures.map((f) => f.code)).toContain('category_outside_basis');
    const ok = await d.must(
      'requests.create',
      requestJson({ categories: ['name', 'address', 'city'] }),
    );
    expect((await d.must('requests.check', { registerNo: ok.registerNo })).outcome).toBe('proceed');
  });

  it('edits issuers and action, validates dates, and refuses empty lists', async () => {
    const d = await registerDesk();
    await d.as('admin');
    const b = await d.must('catalogue.updateLegalBasis', {
      code: 'sv-126ua',
      issuers: ['officier_van_justitie'],
      action: 'REFER',
      unverified: false,
      note: 'Checked against wetten.overheid.nl',
    });
    expect(b).toMatchObject({ issuers: ['officier_van_justitie'], action: 'REFER' });
    const empty = await d.call('catalogue.updateLegalBasis', { code: 'sv-126ua', categories: [] });
    expect(!empty.ok && empty.code).toBe('BAD_INPUT');
    const before = await d.call('catalogue.updateLegalBasis', {
      code: 'eu-epoc-subscriber',
      validUntil: '2026-01-01', // before its validFrom 2026-08-18
    });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.message).toMatch(/before it ends/);
    const unknown = await d.call('catalogue.updateLegalBasis', { code: 'sv-999', note: 'x' });
    expect(!unknown.ok && unknown.code).toBe('NOT_FOUND');
  });

  it('adds a basis for the new Wetboek van Strafvordering, ends the old one, and never removes a used basis', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.as('admin');
    const added = await d.must('catalogue.addLegalBasis', {
      code: 'sv2-ggn-1',
      article: 'Sv (nieuw) art. 2.8.x lid 1',
      shortName: 'Vordering gebruikersgegevens (nieuw Wetboek)',
      issuers: ['opsporingsambtenaar', 'officier_van_justitie'],
      categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
      action: 'HANDLE',
      versionDate: '2026-03-01',
      validFrom: '2029-04-01',
      unverified: true,
    });
    expect(added).toMatchObject({ active: true, requestCount: 0, validUntil: null });
    const dup = await d.call('catalogue.addLegalBasis', {
      code: 'sv-126na-1-bis',
      article: 'Sv 126NA lid 1',
      shortName: 'dup',
      issuers: ['opsporingsambtenaar'],
      categories: ['name'],
      action: 'HANDLE',
      versionDate: '2026-03-01',
    });
    expect(!dup.ok && dup.code).toBe('CONFLICT');
    await d.must('catalogue.updateLegalBasis', { code: 'sv-126na-1', validUntil: '2029-04-01' });
    const [ev] = await auditOf(d, 'catalogue.legalBasis.added');
    expect(ev!.details).toMatchObject({ before: null, after: { article: added.article } });

    const r = await d.call('catalogue.removeLegalBasis', { code: 'sv-126na-1' });
    expect(!r.ok && r.code).toBe('CONFLICT');
    await d.must('catalogue.updateLegalBasis', { code: 'sv-126na-1', active: false });
    await d.as('olga');
    const bases = await d.must('catalogue.legalBases', {});
    expect(bases.map((b) => b.code)).toContain('sv2-ggn-1');
    expect(bases.map((b) => b.code)).not.toContain('sv-126na-1');
    const refused = await d.call('requests.create', requestJson());
    expect(!refused.ok && refused.message).toMatch(/no longer active/);
    const byArticle = await d.call(
      'requests.create',
      requestJson({ legalBasis: 'Sv (nieuw) art. 2.8.x lid 1' }),
    );
    expect(byArticle.ok).toBe(true);
    expect((await d.must('requests.get', { registerNo })).legalBasis.code).toBe('sv-126na-1');
    await d.as('admin');
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });
});
