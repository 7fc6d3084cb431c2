/**
 * "The desk's settings changed": the shell's notices (four eyes off, purge due) listen to this and
 * ask the core again. Forms that change settings announce it after a successful save.
 */
export const SETTINGS_CHANGED = 'naw-desk:settings-changed';

export const announceSettingsChanged = (): void => {
  window.dispatchEvent(new Event(SETTINGS_CHANGED));
};
