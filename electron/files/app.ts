import type { FilePurpose } from '../../shared/schemas/files';
import type { HandlerMap } from '../core/context';
import type { filesContract } from '../../shared/contract/files';
import { DeskError, failWith } from '../core/errors';

const DIALOG: Record<FilePurpose, { title: string; extensions: string[] }> = {
  import: { title: 'Choose a CSV file to import', extensions: ['csv', 'txt'] },
  attachment: {
    title: 'Choose the original request document',
    extensions: ['pdf', 'eml', 'msg', 'txt', 'json', 'xml', 'png', 'jpg', 'jpeg'],
  },
  logo: { title: 'Choose a logo', extensions: ['png', 'svg'] },
};

export const filesHandlers: HandlerMap<keyof typeof filesContract> = {
  'files.pickOpen': async (input, ctx) => {
    const platform = ctx.session.platform;
    if (!platform) {
      throw new DeskError(
        'CONFLICT',
        'This window has no file dialog; use the upload field instead.',
      );
    }
    const path = await platform.pickOpenFile(DIALOG[input.purpose]);
    return path ? ctx.session.files.register(path) : null;
  },

  'files.dropped': (input, ctx) => {
    // Only the app's preload fills the path, from the File the user dropped.
    if (!ctx.session.platform) return failWith('CONFLICT', 'dropped.notHere');
    return ctx.session.files.registerDropped(input.path);
  },
};
