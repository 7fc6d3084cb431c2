import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { requestDocumentPdf } from './request-document';

/**
 * The desktop smoke journey: what a desk does on its first day, through whatever transport runs
 * it. `npm run smoke:electron` drives it in a real Electron window (every call goes through the
 * preload, IPC and the sender check); test/e2e/desktop-package.e2e.ts drives it through the
 * packaged main bundle under Node. The vault is new: create it, add the team, import customer
 * data in the import worker, read a request document in the intake worker (pdf.js), log the
 * request, match, decide, approve (four eyes), issue the letter and print it, lock. Plain channel
 * calls only, so this file can be bundled for Electron.
 */

/** One call over the transport being tested. */
export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

export interface SmokeIo {
  call: Transport;
  /** The file the next open dialog answers with. */
  willPick(path: string): void;
  /** A line of progress. */
  step(line: string): void;
}

export const SMOKE_TEAM = {
  admin: { role: 'admin', passphrase: 'smoke admin passphrase' },
  ivo: { role: 'importer', passphrase: 'smoke importer passphrase' },
  olga: { role: 'officer', passphrase: 'smoke officer passphrase' },
  piet: { role: 'approver', passphrase: 'smoke approver passphrase' },
} as const;
type Member = keyof typeof SMOKE_TEAM;

const CUSTOMERS = [
  'customer_id;name;street;house_number;house_number_addition;postcode;city;country;customer_type;valid_from;valid_to',
  'C101;Zoë Çelik-Øvergård;Prinsengracht;263;;1016 GV;Amsterdam;NL;person;2020-01-01;',
  'C102;Bram Jansen;Lindenlaan;4;;3521 AB;Utrecht;NL;person;2019-01-01;',
].join('\n');
const NUMBERS = [
  'number,customer_id,service,valid_from,valid_to',
  '06-23456789,C101,mobile,2022-01-01,',
  '06-34567890,C102,mobile,2021-01-01,',
].join('\n');

export interface SmokeFiles {
  customers: string;
  numbers: string;
  request: string;
}

/** Writes the journey's CSV files and request document into `dir`. */
export function writeSmokeFiles(dir: string): SmokeFiles {
  const files = {
    customers: join(dir, 'klanten.csv'),
    numbers: join(dir, 'nummers.csv'),
    request: join(dir, 'vordering.pdf'),
  };
  writeFileSync(files.customers, CUSTOMERS);
  writeFileSync(files.numbers, NUMBERS);
  writeFileSync(files.request, requestDocumentPdf());
  return files;
}

export interface SmokeOutcome {
  recoveryKey: string;
  imported: { customers: number; numbers: number };
  /** The phone numbers the intake worker read from the request document. */
  readPhones: string[];
  registerNo: string;
  letter: { id: number; pageCount: number; sha256: string };
}

export async function runSmokeJourney(io: SmokeIo, files: SmokeFiles): Promise<SmokeOutcome> {
  const must = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await io.call(channel, input);
    if (!r.ok) throw new Error(`${channel} was refused: ${r.code} ${r.message}`);
    return r.data as OutputOf<C>;
  };
  const as = async (name: Member) => {
    await must('vault.lock', {});
    await must('vault.unlock', { userName: name, passphrase: SMOKE_TEAM[name].passphrase });
  };

  const state = await must('vault.state', {});
  if (state.exists) throw new Error('the smoke journey needs a new, empty vault folder');
  io.step('creating the vault');
  const { recoveryKey } = await must('vault.create', {
    orgName: 'Rooktest B.V.',
    adminName: 'admin',
    passphrase: SMOKE_TEAM.admin.passphrase,
  });
  for (const name of ['ivo', 'olga', 'piet'] as const) {
    await must('users.add', {
      name,
      role: SMOKE_TEAM[name].role,
      passphrase: SMOKE_TEAM[name].passphrase,
    });
  }
  // A call-back only verifies on a channel the catalogue holds: the admin records the duty desk.
  await must('catalogue.addContact', {
    authority: 'pol-amsterdam',
    kind: 'phone',
    value: '+31 20 559 5000',
    verifiedBy: 'admin',
    verifiedAt: '2026-01-05',
    verifiedHow: 'politie.nl contact page; called the switchboard and was put through',
    independent: true,
  });

  await as('ivo');
  const imported = { customers: 0, numbers: 0 };
  for (const kind of ['customers', 'numbers'] as const) {
    io.step(`importing ${kind} in the import worker`);
    io.willPick(files[kind]);
    const picked = await must('files.pickOpen', { purpose: 'import' });
    if (!picked) throw new Error('the open dialog returned nothing');
    const { jobId } = await must('customers.importStart', { file: picked.token, kind });
    let job = await must('customers.importProgress', { jobId, waitMs: 10_000 });
    for (let i = 0; job.state === 'running' && i < 12; i++) {
      job = await must('customers.importProgress', { jobId, waitMs: 10_000 });
    }
    if (job.state !== 'done' || !job.report?.written) {
      throw new Error(
        `the ${kind} import ended ${job.state}: ${job.error?.message ?? 'not written'}`,
      );
    }
    imported[kind] = job.report.added;
  }

  await as('olga');
  io.step('reading the request document in the intake worker');
  io.willPick(files.request);
  const document = await must('files.pickOpen', { purpose: 'attachment' });
  if (!document) throw new Error('the open dialog returned nothing');
  const draft = await must('intake.extract', { file: document.token });
  const readPhones = draft.items.filter((i) => i.kind === 'phone').map((i) => i.value);
  if (!readPhones.some((p) => p.replace(/\D/g, '').endsWith('623456789'))) {
    throw new Error(
      `the intake worker did not read the phone number (${JSON.stringify(draft.items)})`,
    );
  }

  io.step('logging, matching and deciding a request');
  const { registerNo } = await must('requests.create', {
    authority: 'pol-amsterdam',
    requester: {
      name: 'J. de Boer',
      function: 'opsporingsambtenaar',
      badge: 'AB1234',
      email: 'j.deboer@politie.example',
      phone: '+31 20 555 0100',
    },
    legalBasis: 'sv-126na-1',
    caseReference: 'PL1300-2026012345',
    receivedAt: '2026-03-02T09:15',
    channel: 'email',
    urgency: 'normal',
    categories: ['naw'],
    verification: {
      method: 'callback',
      channel: '+31205595000',
      by: 'olga',
      at: '2026-03-02T09:40',
      note: 'Called back the Amsterdam duty desk on the catalogue number.',
    },
    items: [{ kind: 'phone', value: '06-23456789', moment: '2024-05-01T10:00' }],
  });
  await must('requests.match', { registerNo });
  await must('requests.decide', {
    registerNo,
    outcome: 'disclose',
    items: [1],
    categories: ['name', 'city'],
  });
  await as('piet');
  await must('requests.approve', { registerNo });

  await as('olga');
  io.step('issuing and printing the letter');
  const record = await must('letters.issue', { registerNo });
  const printed = await must('letters.print', { registerNo, id: record.id });
  if (!printed.printed) throw new Error('letters.print did not print');
  await must('vault.lock', {});
  return {
    recoveryKey,
    imported,
    readPhones,
    registerNo,
    letter: { id: record.id, pageCount: record.pageCount, sha256: record.sha256 },
  };
}
