import { useEffect, useState } from 'react';
import type { Draft, ExtractInput } from '../../../../shared/schemas/intake';
import { desk, hostKind, unwrap } from '../../../api';
import { useDeskAction } from '../../../hooks/useDeskAction';
import type { RequestDraft } from '../draft/request-draft';
import { droppedFile } from './dropped-file';
import { formFromDraft, textSha256, type CatalogueNames, type IntakeSource } from './draft-form';

/** A document read in: its draft, what it was read from, and the form as the draft filled it. */
export interface ReadDocument {
  draft: Draft;
  source: IntakeSource;
  original: RequestDraft;
}

/**
 * Reading a request document into the form: a file picked or dropped (app), uploaded or dropped
 * (browser), or pasted text, through intake.extract. Reading stores nothing; `onRead` gets the filled form,
 * its authority and basis as the `catalogue`'s codes.
 * A refusal is the action's error (its reason code says why, in the UI language).
 */
export function useIntake(
  userName: string,
  catalogue: CatalogueNames | null,
  onRead: (form: RequestDraft) => void,
) {
  const [read, setRead] = useState<ReadDocument | null>(null);
  const action = useDeskAction<true>();
  // The reading worker starts while the officer finds the document (about a second, once a session).
  useEffect(() => {
    void desk.intake.warm({}).catch(() => {});
  }, []);

  async function extract(input: ExtractInput, source: IntakeSource) {
    const draft = unwrap(await desk.intake.extract(input));
    const original = formFromDraft(draft, userName, source, catalogue);
    setRead({ draft, source, original });
    onRead(original);
  }

  const readFile = (file: { token: string; name: string }) =>
    extract({ file: file.token }, { file: { token: file.token, name: file.name } });

  return {
    read,
    ...action,
    /** The app: the native dialog. */
    pick: () =>
      action.run(async () => {
        const picked = unwrap(await desk.files.pickOpen({ purpose: 'attachment' }));
        if (picked) await readFile(picked);
      }),
    /** A browser: upload the chosen or dropped file, then read it by its token. */
    canUpload: hostKind() === 'browser' && Boolean(window.deskHost?.upload),
    upload: (file: File) =>
      action.run(async () => {
        const picked = await window.deskHost!.upload!(file);
        await readFile(picked);
      }),
    /** A file dropped on the zone: the app's window hands it to the preload, a browser uploads it. */
    canDrop: hostKind() === 'electron' || Boolean(window.deskHost?.upload),
    drop: (file: File) =>
      action.run(async () => {
        const picked =
          hostKind() === 'electron'
            ? await droppedFile(file)
            : await window.deskHost!.upload!(file);
        await readFile(picked);
      }),
    readText: (text: string) =>
      action.run(async () => extract({ text }, { textSha256: await textSha256(text) })),
    clear: () => {
      action.reset();
      setRead(null);
    },
  };
}

export type Intake = ReturnType<typeof useIntake>;
