import { describe, expect, it } from 'vitest';
import { toolbarPlace } from '../../src/renderer/src/components/HighlightToolbar';

const VIEW = { width: 1440, height: 900 };

describe('where the new-highlight toolbar goes', () => {
  it('under the selection when it fits there', () => {
    expect(toolbarPlace({ top: 300, bottom: 340, left: 500 }, 280, VIEW)).toEqual({ top: 348, left: 500 });
  });

  it('over the selection, held by its bottom edge, when it does not fit under it', () => {
    expect(toolbarPlace({ top: 780, bottom: 840, left: 500 }, 280, VIEW)).toEqual({ bottom: 900 - 780 + 8, left: 500 });
  });

  it('on the roomier side, cut to that room, when it fits on neither', () => {
    expect(toolbarPlace({ top: 220, bottom: 700, left: 500 }, 280, VIEW)).toEqual({ bottom: 900 - 220 + 8, left: 500, maxHeight: 204, overflowY: 'auto' });
    expect(toolbarPlace({ top: 150, bottom: 660, left: 500 }, 280, VIEW)).toEqual({ top: 668, left: 500, maxHeight: 224, overflowY: 'auto' });
  });

  it('inside the window at its sides', () => {
    expect(toolbarPlace({ top: 300, bottom: 340, left: 1300 }, 280, VIEW).left).toBe(1440 - 340 - 8);
    expect(toolbarPlace({ top: 300, bottom: 340, left: -20 }, 280, VIEW).left).toBe(8);
  });
});
