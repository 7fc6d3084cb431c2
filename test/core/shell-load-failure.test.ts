import { describe, expect, it } from 'vitest';
import { ERR_ABORTED, loadFailureMessage } from '../../electron/shell/load-failure';

describe('the main window’s page does not load (did-fail-load)', () => {
  it('a failure of the top frame gets a visible message that says what to do', () => {
    const m = loadFailureMessage({
      errorCode: -6,
      errorDescription: 'ERR_FILE_NOT_FOUND',
      isMainFrame: true,
    });
    expect(m).toContain('NAW Desk could not show its window (ERR_FILE_NOT_FOUND, -6).');
    expect(m).toContain('reinstall the app');
    expect(m).toContain('Nothing in the vault was changed.');
    expect(
      loadFailureMessage({ errorCode: -2, errorDescription: '', isMainFrame: true }),
    ).toContain('(-2)');
  });

  it('an aborted load (replaced by a newer one, as after an idle lock) and subframes are not failures', () => {
    expect(
      loadFailureMessage({
        errorCode: ERR_ABORTED,
        errorDescription: 'ERR_ABORTED',
        isMainFrame: true,
      }),
    ).toBeNull();
    expect(
      loadFailureMessage({
        errorCode: -6,
        errorDescription: 'ERR_FILE_NOT_FOUND',
        isMainFrame: false,
      }),
    ).toBeNull();
  });
});
