// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { commandHandlers, type CommandContext } from '../../src/renderer/src/commands/command-handlers';
import { catalogueFor } from '../../src/shared/i18n/catalogue';

afterEach(() => document.body.replaceChildren());

/** The context a command needs, doing nothing: only the search command's own effect is looked at. */
function quietContext(): CommandContext {
  const nothing = () => undefined;
  return {
    openDialog: nothing,
    changeLayout: nothing,
    theme: 'system',
    showSidebar: nothing,
    chooseFiles: nothing,
    reader: { current: null },
    articleOpen: false,
    focusedAnnotation: null,
    editAnnotation: nothing,
    addToDossier: nothing,
    deleteAnnotation: nothing,
    undoOrRedo: nothing,
    copyLink: nothing,
    openOriginal: nothing,
    pageView: nothing,
    notify: nothing,
    said: catalogueFor('en').commands.said,
  };
}

describe('the / command', () => {
  it('puts the focus in the search box at once, its text selected, so the next letters typed land there', () => {
    const box = document.createElement('input');
    box.id = 'search-input';
    box.value = 'Tokayev';
    document.body.append(box);
    commandHandlers(quietContext())['focus-search']();
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'Tokayev'.length]);
  });
});
