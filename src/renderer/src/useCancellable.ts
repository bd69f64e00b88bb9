import { useEffect, useRef } from 'react';

/**
 * For work the API cannot stop (an export under way in the shell): `start()` begins a run and
 * gives a check that says whether it is still wanted; `cancel()`, or the component going away,
 * makes every run begun so far unwanted, so its result is dropped instead of saved.
 */
export function useCancellable(): { start(): () => boolean; cancel(): void } {
  const serial = useRef(0);
  useEffect(() => () => void serial.current++, []);
  return {
    start() {
      const mine = ++serial.current;
      return () => serial.current === mine;
    },
    cancel() {
      serial.current++;
    },
  };
}
