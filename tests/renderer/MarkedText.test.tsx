// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkedText } from '../../src/renderer/src/components/MarkedText';

describe('MarkedText', () => {
  it('marks the given ranges and keeps the rest as plain text', () => {
    const { container } = render(<MarkedText text="the Zhanaozen protests" marks={[[4, 13]]} />);
    expect(container.querySelectorAll('mark')).toHaveLength(1);
    expect(container.querySelector('mark')?.textContent).toBe('Zhanaozen');
    expect(container.textContent).toBe('the Zhanaozen protests');
  });

  it('renders markup found in a source as text, never as elements', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { container } = render(<MarkedText text={hostile} marks={[[0, 4]]} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toBe(hostile);
  });
});

describe('MarkedText with match kinds', () => {
  it('draws a name variant or near spelling as an inexact mark named in its title, an exact match plainly', () => {
    const { container } = render(
      <MarkedText text="Tokayev and Tokajev and liquified" marks={[[0, 7], [12, 19], [24, 33]]} kinds={['exact', 'variant', 'fuzzy']} />,
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.className, m.getAttribute('title')])).toEqual([
      ['Tokayev', '', null],
      ['Tokajev', 'hit-inexact', 'name variant'],
      ['liquified', 'hit-inexact', 'near spelling'],
    ]);
  });
});
