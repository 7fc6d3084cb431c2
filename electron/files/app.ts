import type { FilePurpose } from '../../shared/schemas/files';
import type { HandlerMap } from '../core/context';
import type { filesContract } from '../../shared/contract/files';
import { coreText, type MessageKey } from '../../shared/messages';
import type { Language } from '../../shared/schemas/common';
import { failWith } from '../core/errors';
import { readSetting } from '../core/settings';
import type { DeskSession } from '../core/session';

const DIALOG: Record<FilePurpose, { title: MessageKey; extensions: string[] }> = {
  import: { title: 'files.dialog.import', extensions: ['csv', 'txt'] },
  attachment: {
    title: 'files.dialog.attachment',
    extensions: ['pdf', 'eml', 'msg', 'txt', 'json', 'xml', 'png', 'jpg', 'jpeg'],
  },
  logo: { title: 'files.dialog.logo', extensions: ['png', 'svg'] },
};

// The dialog is titled in the vault's language (Dutch before a vault is open, as the UI starts).
const language = (session: DeskSession): Language =>
  (session.vault && readSetting(session.vault.db, 'language')) || 'nl';

export const filesHandlers: HandlerMap<keyof typeof filesContract> = {
  'files.pickOpen': async (input, ctx) => {
    const platform = ctx.session.platform;
    if (!platform) return failWith('CONFLICT', 'files.noFileDialog');
    const dialog = DIALOG[input.purpose];
    const path = await platform.pickOpenFile({
      title: coreText(language(ctx.session), dialog.title),
      extensions: dialog.extensions,
    });
    return path ? ctx.session.files.register(path) : null;
  },

  'files.dropped': (input, ctx) => {
    // Only the app's preload fills the path, from the File the user dropped.
    if (!ctx.session.platform) return failWith('CONFLICT', 'dropped.notHere');
    return ctx.session.files.registerDropped(input.path);
  },
};
