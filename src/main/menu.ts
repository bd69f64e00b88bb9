import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMANDS, type CommandGroup, type CommandId } from '../shared/commands';

/**
 * The application menu: Electron's standard roles (Edit's cut/copy/paste, View's zoom and full
 * screen, Window, and on macOS the app menu) around every command of the app, each under its menu
 * with its key shown. The keys of the commands are handled in the page, which knows whether the
 * user is typing (where `h` is a letter, not "highlight"), so the menu only shows them
 * (`registerAccelerator: false`); choosing an item sends the command to the page.
 */
export function buildMenuTemplate({ mac, appName, send }: { mac: boolean; appName: string; send(id: CommandId): void }): MenuItemConstructorOptions[] {
  const items = (group: CommandGroup, leave: readonly CommandId[] = []): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command) => command.group === group && !leave.includes(command.id)).map((command) => ({
      id: `command:${command.id}`,
      label: command.title,
      accelerator: accelerator(command.keys),
      registerAccelerator: false,
      click: () => send(command.id),
    }));
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // On macOS Preferences… belongs in the app menu, not File.
  const preferences = items('File').filter((item) => item.id === 'command:preferences');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [{ role: 'about' }, separator, ...preferences, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: '&File', submenu: [...items('File', mac ? ['preferences'] : []), separator, mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      // The text roles act in fields; the annotation undo and redo act on highlights, notes and tags.
      submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, separator, ...items('Edit')],
    },
    { label: '&Annotate', submenu: items('Annotate') },
    { label: '&Reader', submenu: items('Reader') },
    {
      label: '&View',
      submenu: [...items('View'), separator, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: items('Help') },
  ];
}
