import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../src/shared/commands';
import { buildMenuTemplate } from '../../src/main/menu';
import type { Language } from '../../src/shared/i18n/language';

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function menu(mac: boolean, language: Language = 'en') {
  const sent: CommandId[] = [];
  const template = buildMenuTemplate({ mac, appName: 'Casefile', language, send: (id) => sent.push(id) });
  return { template, items: allItems(template), sent };
}

describe('the application menu', () => {
  it('has the standard menus and roles, on Windows and Linux and on macOS', () => {
    const other = menu(false).template.map((m) => m.label ?? m.role);
    expect(other).toEqual(['&File', '&Edit', '&Annotate', '&Reader', '&View', 'windowMenu', 'help']);
    expect(menu(true).template.map((m) => m.label ?? m.role)).toEqual(['Casefile', ...other]);
    const roles = menu(false).items.flatMap((item) => (item.role ? [item.role] : []));
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'zoomIn', 'togglefullscreen', 'windowMenu', 'help']));
    expect(menu(true).items.map((item) => item.role)).toEqual(expect.arrayContaining(['about', 'hide', 'close']));
  });

  it('lists every command once, with its key shown but left to the page, and sends it when chosen', () => {
    for (const mac of [false, true]) {
      const { items, sent } = menu(mac);
      const commands = items.filter((item) => item.id?.startsWith('command:'));
      expect(commands.map((item) => item.id).sort()).toEqual(COMMANDS.map((c) => `command:${c.id}`).sort());
      for (const item of commands) {
        expect(item.accelerator).toMatch(/\S/);
        expect(item.registerAccelerator).toBe(false);
      }
      const highlight = commands.find((item) => item.id === 'command:highlight')!;
      expect([highlight.label, highlight.accelerator]).toEqual(['Highlight the selection', 'H']);
      (highlight.click as () => void)();
      expect(sent).toEqual(['highlight']);
    }
  });

  it('puts Preferences… in the app menu on macOS and under File elsewhere', () => {
    const where = (mac: boolean) => menu(mac).template.find((m) => Array.isArray(m.submenu) && m.submenu.some((i) => i.id === 'command:preferences'))?.label;
    expect(where(true)).toBe('Casefile');
    expect(where(false)).toBe('&File');
    expect(menu(false).items.find((i) => i.id === 'command:preferences')?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('speaks Russian when the interface does: menus, commands and the standard items', () => {
    for (const mac of [false, true]) {
      const { template, items, sent } = menu(mac, 'ru');
      expect(template.map((m) => m.label)).toEqual([...(mac ? ['Casefile'] : []), '&Файл', '&Правка', '&Аннотации', '&Чтение', '&Вид', '&Окно', '&Справка']);
      const highlight = items.find((item) => item.id === 'command:highlight')!;
      expect([highlight.label, highlight.accelerator]).toEqual(['Выделить фрагмент', 'H']);
      (highlight.click as () => void)();
      expect(sent).toEqual(['highlight']);
      expect(items.find((item) => item.role === 'copy')?.label).toBe('Копировать');
      // Every item a person reads is labelled, and none in English.
      const labels = items.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
      for (const label of labels) expect(label === 'Casefile' || /[А-Яа-яЁё]/.test(label), label).toBe(true);
    }
    expect(menu(true, 'ru').items.find((item) => item.role === 'about')?.label).toBe('О программе Casefile');
  });
});
