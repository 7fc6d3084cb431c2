/**
 * The application menu: role items only, so Electron/the OS supply the labels and shortcuts and
 * the app carries no Dutch or English menu text of its own. No reload, no navigation, dev tools
 * only in a development run.
 */

export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools';

export interface MenuEntry {
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuEntry[];
}

export function menuTemplate(o: { isMac: boolean; devTools: boolean }): MenuEntry[] {
  const view: MenuEntry[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(o.devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
  ];
  return [
    o.isMac ? { role: 'appMenu' } : { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}
