import { useCallback, useEffect, useRef, useState } from "react";
import type { TextKey } from "../strings";
import { useDelayedFlag } from "./useDelayedFlag";

export interface Task {
  /** Work is under way. */
  busy: boolean;
  /** Work has been under way long enough to show a progress indicator. */
  progress: boolean;
  /** What is being done, for the progress label. */
  activity: TextKey | null;
  /** The last failure, kept until the next run or until dismissed; null when none. */
  error: unknown;
  clearError(): void;
  /**
   * Runs the work, recording busy state and any error (which is kept for the pane to show, not rethrown).
   * Resolves to the work's result, or undefined when it failed. A user's action clears the last error; work the
   * pane starts by itself (`background`) leaves it, so a message is not wiped before it was read.
   */
  run<T>(
    activity: TextKey,
    work: () => Promise<T>,
    options?: { background?: boolean },
  ): Promise<T | undefined>;
}

/** Busy state, a delayed progress flag and the last error of one area of the pane. */
export function useTask(): Task {
  const [running, setRunning] = useState(0);
  const [activity, setActivity] = useState<TextKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  // Work the user asked for names the progress; work the pane starts by itself does not take the label over.
  const foreground = useRef(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(
      what: TextKey,
      work: () => Promise<T>,
      options: { background?: boolean } = {},
    ): Promise<T | undefined> => {
      setRunning((n) => n + 1);
      if (!options.background || foreground.current === 0) setActivity(what);
      if (!options.background) {
        foreground.current += 1;
        setError(null);
      }
      try {
        return await work();
      } catch (e) {
        if (mounted.current) setError(e);
        return undefined;
      } finally {
        if (!options.background) foreground.current -= 1;
        if (mounted.current) setRunning((n) => n - 1);
      }
    },
    [],
  );

  const clearError = useCallback(() => setError(null), []);
  const busy = running > 0;
  const progress = useDelayedFlag(busy);
  return { busy, progress, activity: busy ? activity : null, error, clearError, run };
}
