import type { HighlightColor } from '../../../core/api/types';
import { useT } from '../i18n';

// Kept in step with HIGHLIGHT_COLORS in the core model (the renderer imports only types from core).
export const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'orange'];

export function ColorPicker({ value, onChange }: { value: HighlightColor; onChange(color: HighlightColor): void }) {
  const t = useT().annotations;
  return (
    <div className="color-picker" role="radiogroup" aria-label={t.filters.colour}>
      {COLORS.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={value === color}
          aria-label={t.colors[color]}
          title={t.colors[color]}
          className={`swatch hl-${color}${value === color ? ' chosen' : ''}`}
          onClick={() => onChange(color)}
        />
      ))}
    </div>
  );
}
