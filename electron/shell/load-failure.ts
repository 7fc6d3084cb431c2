/**
 * What the main window does when its page does not load (`did-fail-load`): without this the user
 * sees an empty window and nothing else. A failure of the top frame is shown in an error box and
 * the app ends; an aborted load (code -3, ERR_ABORTED: a newer loadURL replaced it, as after an
 * idle lock) and failures in subframes are not failures of the window.
 */
export const ERR_ABORTED = -3;

export interface LoadFailure {
  errorCode: number;
  errorDescription: string;
  isMainFrame: boolean;
}

/** The error box text for a failed load, or null when the failure needs no answer. */
export function loadFailureMessage(f: LoadFailure): string | null {
  if (!f.isMainFrame || f.errorCode === ERR_ABORTED) return null;
  const what = f.errorDescription ? `${f.errorDescription}, ${f.errorCode}` : String(f.errorCode);
  return [
    `NAW Desk could not show its window (${what}).`,
    'The installation is incomplete or damaged: reinstall the app (in a checkout: npm start builds it again).',
    'Nothing in the vault was changed.',
  ].join('\n');
}
