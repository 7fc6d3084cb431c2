import { ipcMain } from 'electron';
import { err, type Result } from '../shared/result';
import type { DeskSession } from './core/session';
import { dispatch } from './api/table';
import { IPC_CHANNEL, isTrustedSender, type SenderFrame } from './shell/security';

/**
 * The Electron transport: ONE ipcMain.handle channel over the handler table. The sender frame must
 * be the top frame of our own app:// page; anything else gets a typed FORBIDDEN and never reaches
 * the handler table. Input validation (zod) and role checks happen in dispatch().
 */
export async function handleInvoke(
  session: DeskSession,
  event: { readonly senderFrame: SenderFrame | null },
  channel: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame)) {
    // No URL or input in the log: either may carry data.
    console.warn('[naw-desk] refused an IPC call from a frame that is not the NAW Desk window');
    return err('FORBIDDEN', 'This request did not come from the NAW Desk window and was refused.');
  }
  return dispatch(session, channel, input);
}

/** Registers the channel; returns a function that removes it again. */
export function bindIpc(session: DeskSession): () => void {
  ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, input: unknown) =>
    handleInvoke(session, event, channel, input),
  );
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
