import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const KEY_STEP = 24;

interface Props {
  /** What it resizes, for screen readers: "Resize the results". */
  label: string;
  /** The id of the pane it resizes. */
  controls: string;
  value: number;
  min: number;
  max: number;
  /** +1: dragging right widens the pane (it is on the left); -1: dragging right narrows it. */
  direction: 1 | -1;
  onChange(value: number): void;
}

/**
 * The handle between two panes (WAI-ARIA's window splitter): dragged with the mouse, or focused and
 * moved with ← and → (Home and End for the smallest and largest).
 */
export function Splitter({ label, controls, value, min, max, direction, onChange }: Props) {
  const drag = useRef<{ x: number; value: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(drag.current.value + direction * (event.clientX - drag.current.x));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = {
      ArrowLeft: value - direction * KEY_STEP,
      ArrowRight: value + direction * KEY_STEP,
      Home: min,
      End: max,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
