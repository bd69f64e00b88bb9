import { describe, expect, it } from 'vitest';
import { accelerator, commandForKey, COMMANDS, keyLabel, worksWhileTyping, type KeyPress } from '../../src/shared/commands';
import { filterCommands } from '../../src/renderer/src/commands/CommandPalette';
import { catalogueFor } from '../../src/shared/i18n/catalogue';

const english = catalogueFor('en').commands;

const press = (key: string, code: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('the command catalogue', () => {
  it('gives every command its own key, and every key one command', () => {
    const keys = COMMANDS.map((c) => accelerator(c.keys));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
  });

  it('finds the command of a key press, by the letter typed or by its place on a Cyrillic layout', () => {
    expect(commandForKey(press('j', 'KeyJ'))).toBe('next-hit');
    expect(commandForKey(press('о', 'KeyJ'))).toBe('next-hit'); // Russian layout: J's key types "о"
    expect(commandForKey(press('р', 'KeyH'))).toBe('highlight');
    expect(commandForKey(press('D', 'KeyD', { shiftKey: true }))).toBe('show-dossier');
    expect(commandForKey(press('d', 'KeyD'))).toBe('add-to-dossier');
    expect(commandForKey(press('к', 'KeyK', { ctrlKey: true }))).toBe('palette');
    expect(commandForKey(press('k', 'KeyK', { metaKey: true }))).toBe('palette');
    expect(commandForKey(press('k', 'KeyK', { altKey: true }))).toBeNull();
  });

  it('matches punctuation by what it types or where it is: / ? + - [ ]', () => {
    expect(commandForKey(press('/', 'Slash'))).toBe('focus-search');
    expect(commandForKey(press('.', 'Slash'))).toBe('focus-search'); // Russian layout's key at the place of /
    expect(commandForKey(press('?', 'Slash', { shiftKey: true }))).toBe('shortcuts');
    expect(commandForKey(press('+', 'Equal', { shiftKey: true }))).toBe('text-larger');
    expect(commandForKey(press('=', 'Equal'))).toBe('text-larger');
    expect(commandForKey(press('-', 'Minus'))).toBe('text-smaller');
    expect(commandForKey(press('х', 'BracketLeft'))).toBe('lines-narrower');
    expect(commandForKey(press('Backspace', 'Backspace'))).toBe('delete-annotation');
    expect(commandForKey(press('y', 'KeyY', { ctrlKey: true }))).toBe('redo');
    expect(commandForKey(press('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('redo');
  });

  it('lets only keys that cannot be typed work in a text field, and never Ctrl+Z there', () => {
    const typing = COMMANDS.filter(worksWhileTyping).map((c) => c.id);
    expect(typing).toContain('palette');
    expect(typing).toContain('query-syntax');
    expect(typing).not.toContain('undo');
    expect(typing).not.toContain('highlight');
    expect(typing).not.toContain('focus-search');
  });

  it('writes keys for people (per platform) and for Electron’s menu', () => {
    expect(keyLabel({ key: 'o', mod: true, shift: true }, false)).toBe('Ctrl+Shift+O');
    expect(keyLabel({ key: 'o', mod: true, shift: true }, true)).toBe('⇧⌘O');
    expect(keyLabel({ key: '?' }, false)).toBe('?');
    expect(accelerator({ key: 'o', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+O');
    expect(accelerator({ key: '+' })).toBe('Plus');
    expect(accelerator({ key: 'F6', shift: true })).toBe('Shift+F6');
  });

  it('filters the palette by every word typed, in titles, menus and explanations', () => {
    expect(filterCommands('export dossier', english).map((c) => c.id)).toEqual(['export-dossier']);
    expect(filterCommands('HIT', english).map((c) => c.id)).toEqual(['next-hit', 'previous-hit']);
    expect(filterCommands('', english)).toHaveLength(COMMANDS.length);
    expect(filterCommands('nothing like this', english)).toEqual([]);
  });

  it('filters the palette in the interface’s language', () => {
    const russian = catalogueFor('ru').commands;
    expect(filterCommands('досье экспорт', russian).map((c) => c.id)).toEqual(['export-dossier']);
    expect(filterCommands('совпадение', russian).map((c) => c.id)).toEqual(['next-hit', 'previous-hit']);
    expect(filterCommands('export dossier', russian)).toEqual([]);
  });

  it('lists Help last in the palette, so that the first choice does something', () => {
    const all = filterCommands('', english);
    expect(all[0].group).not.toBe('Help');
    const firstHelp = all.findIndex((c) => c.group === 'Help');
    expect(all.slice(firstHelp).every((c) => c.group === 'Help')).toBe(true);
    expect(all.map((c) => c.id).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
  });
});
