import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, LIMITS, nextTheme, parseLayout } from '../../src/renderer/src/layout/layout';

describe('the remembered layout', () => {
  it('reads back what was stored', () => {
    const stored = { ...DEFAULT_LAYOUT, resultsWidth: 420, reading: true, textSize: 20, theme: 'dark' };
    expect(parseLayout(JSON.stringify(stored))).toEqual(stored);
  });

  it('keeps sizes within their limits and falls back to the default for anything missing, mistyped or unknown', () => {
    const layout = parseLayout(JSON.stringify({ resultsWidth: 5, sideWidth: 99_999, textSize: '18', lineWidth: null, reading: 'yes', theme: 'sepia' }));
    expect(layout.resultsWidth).toBe(LIMITS.resultsWidth.min);
    expect(layout.sideWidth).toBe(LIMITS.sideWidth.max);
    expect([layout.textSize, layout.lineWidth, layout.reading, layout.theme]).toEqual([
      DEFAULT_LAYOUT.textSize,
      DEFAULT_LAYOUT.lineWidth,
      DEFAULT_LAYOUT.reading,
      DEFAULT_LAYOUT.theme,
    ]);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[1,2]')).toEqual(DEFAULT_LAYOUT);
  });

  it('gives both tabs of the side pane one width: the annotations width stored before, or the new one', () => {
    expect(parseLayout(JSON.stringify({ annotationsWidth: 480, dossierWidth: 620 })).sideWidth).toBe(480);
    expect(parseLayout(JSON.stringify({ annotationsWidth: 480, sideWidth: 520 })).sideWidth).toBe(520);
    expect(parseLayout(JSON.stringify({ dossierWidth: 620 })).sideWidth).toBe(DEFAULT_LAYOUT.sideWidth);
  });

  it('switches the theme system → light → dark → system', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });
});
