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
  /**
   * Sends an archived letter to the system print dialog: its PDF bytes and the same pages as SVG
   * (Electron prints the SVG pages, so Chromium's PDF plugin can stay off).
   */
  printPdf?(pdf: Buffer, svgPages: string[]): Promise<void>;
}
