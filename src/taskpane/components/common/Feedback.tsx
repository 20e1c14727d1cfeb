// Feedback where the eye is: what an action did (已定位, 已插入工作表, 已写入, the download) appears as a Fluent Toast
// at the bottom of the pane, wherever the user has scrolled to, and is announced to screen readers through the
// Toaster's aria-live region. Inline messages at the top of a long tab were off screen every time.

import {
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  useId,
  useToastController,
  type ToastIntent,
} from "@fluentui/react-components";
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from "react";

/** How long a toast stays: long enough to read two lines, short enough not to cover the list for long. */
export const FEEDBACK_TIMEOUT_MS = 6000;

export interface Feedback {
  /** Shows (and announces) a short message; a second message with the same `key` replaces the first. */
  notify(message: { title: string; body?: string; intent?: ToastIntent; key?: string }): void;
}

const FeedbackContext = createContext<Feedback>({ notify: () => undefined });

/** Renders the pane's Toaster and gives its children `useFeedback`. */
export function FeedbackProvider(props: { children?: ReactNode }) {
  const toasterId = useId("pane-toaster");
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  // The toast shown last for each key, so a newer message of the same kind replaces it instead of stacking.
  const shown = useRef(new Map<string, string>());
  const count = useRef(0);
  const notify = useCallback<Feedback["notify"]>(
    ({ title, body, intent = "success", key }) => {
      const toastId = `${key ?? "feedback"}-${++count.current}`;
      if (key) {
        const previous = shown.current.get(key);
        if (previous) dismissToast(previous);
        shown.current.set(key, toastId);
      }
      dispatchToast(
        <Toast data-feedback={key ?? intent}>
          <ToastTitle>{title}</ToastTitle>
          {body !== undefined && body !== "" && <ToastBody>{body}</ToastBody>}
        </Toast>,
        {
          intent,
          toastId,
          timeout: FEEDBACK_TIMEOUT_MS,
          politeness: intent === "error" ? "assertive" : "polite",
        },
      );
    },
    [dispatchToast, dismissToast],
  );
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <FeedbackContext.Provider value={value}>
      {props.children}
      <Toaster toasterId={toasterId} position="bottom" limit={3} />
    </FeedbackContext.Provider>
  );
}

/** The pane's feedback; outside a FeedbackProvider (unit tests of one panel) it does nothing. */
export function useFeedback(): Feedback {
  return useContext(FeedbackContext);
}
