import { useEffect, useState } from "react";

/** Work shorter than this shows no progress indicator (a flash of a spinner reads as flicker). */
export const PROGRESS_DELAY_MS = 300;

/** True once `on` has stayed true for `delayMs`; false again as soon as `on` is false. */
export function useDelayedFlag(on: boolean, delayMs = PROGRESS_DELAY_MS): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [on, delayMs]);
  return on && shown;
}
