/**
 * What only a transport can do: native dialogs and printing. Electron implements it with `dialog`
 * and webContents; the CLI and the browser harness have none (the harness uploads and downloads).
 */
export interface Platform {
  /** Shows an open-file dialog; the chosen absolute path, or null when cancelled. */
  pickOpenFile(o: { title: string; extensions: string[] }): Promise<string | null>;
  /** Shows a save dialog; the chosen absolute path, or null when cancelled. */
  pickSaveFile(o: {
    title: string;
    defaultName: string;
    extensions: string[];
  }): Promise<string | null>;
  /** Sends a PDF to the system print dialog. */
  printPdf?(pdf: Buffer): Promise<void>;
}
