import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMANDS, type CommandGroup, type CommandId } from '../shared/commands';
import { catalogueFor } from '../shared/i18n/catalogue';
import type { Language } from '../shared/i18n/language';

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/**
 * The application menu: Electron's standard roles (Edit's cut/copy/paste, View's zoom and full
 * screen, Window, and on macOS the app menu) around every command of the app, each under its menu
 * with its key shown, in the interface's language. The keys of the commands are handled in the page,
 * which knows whether the user is typing (where `h` is a letter, not "highlight"), so the menu only
 * shows them (`registerAccelerator: false`); choosing an item sends the command to the page.
 */
export function buildMenuTemplate({ mac, appName, language = 'en', send }: { mac: boolean; appName: string; language?: Language; send(id: CommandId): void }): MenuItemConstructorOptions[] {
  const t = catalogueFor(language).commands;
  const items = (group: CommandGroup, leave: readonly CommandId[] = []): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command) => command.group === group && !leave.includes(command.id)).map((command) => ({
      id: `command:${command.id}`,
      label: t.titles[command.id],
      accelerator: accelerator(command.keys),
      registerAccelerator: false,
      click: () => send(command.id),
    }));
  // In English the standard items keep Electron's labels, which follow the platform (Quit, Exit).
  const labels: Record<string, string> = language === 'en' ? {} : { ...t.roles, about: t.roles.about(appName), hide: t.roles.hide(appName) };
  const role = (name: Role): MenuItemConstructorOptions => (labels[name] ? { role: name, label: labels[name] } : { role: name });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // On macOS Preferences… belongs in the app menu, not File.
  const preferences = items('File').filter((item) => item.id === 'command:preferences');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [role('about'), separator, ...preferences, separator, role('services'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, role('quit')],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: t.menus.File, submenu: [...items('File', mac ? ['preferences'] : []), separator, mac ? role('close') : role('quit')] },
    {
      label: t.menus.Edit,
      // The text roles act in fields; the annotation undo and redo act on highlights, notes and tags.
      submenu: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), role('selectAll'), separator, ...items('Edit')],
    },
    { label: t.menus.Annotate, submenu: items('Annotate') },
    { label: t.menus.Reader, submenu: items('Reader') },
    {
      label: t.menus.View,
      submenu: [...items('View'), separator, role('resetZoom'), role('zoomIn'), role('zoomOut'), separator, role('togglefullscreen')],
    },
    role('windowMenu'),
    { ...role('help'), submenu: items('Help') },
  ];
}
