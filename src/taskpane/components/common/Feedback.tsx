// Feedback where the eye is: what an action did (已定位, 已插入工作表, 已写入, the download) appears as a Fluent Toast
// at the bottom of the pane, wherever the user has scrolled to, and is announced to screen readers through the
// Toaster's aria-live region. Inline messages at the top of a long tab were off screen every time.
// The Toaster itself (ToastHost.tsx) is a chunk loaded with the first message; messages wait for it in order.

import {
  lazy,
  Suspense,
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

/** How long a toast stays: long enough to read two lines, short enough not to cover the list for long. */
export const FEEDBACK_TIMEOUT_MS = 6000;

/** Fluent's toast intents. */
export type FeedbackIntent = "info" | "success" | "warning" | "error";

export interface FeedbackMessage {
  title: string;
  body?: string;
  intent?: FeedbackIntent;
  key?: string;
}

export interface Feedback {
  /** Shows (and announces) a short message; a second message with the same `key` replaces the first. */
  notify(message: FeedbackMessage): void;
}

const FeedbackContext = createContext<Feedback>({ notify: () => undefined });

const ToastHost = lazy(() =>
  import(/* webpackChunkName: "toast" */ "./ToastHost").then((m) => ({ default: m.ToastHost })),
);

/** Renders the pane's Toaster (from the first message on) and gives its children `useFeedback`. */
export function FeedbackProvider(props: { children?: ReactNode }) {
  const pending = useRef<FeedbackMessage[]>([]);
  const deliver = useRef<((message: FeedbackMessage) => void) | null>(null);
  const [wanted, setWanted] = useState(false);
  const notify = useCallback<Feedback["notify"]>((message) => {
    if (deliver.current) return deliver.current(message);
    pending.current.push(message);
    setWanted(true);
  }, []);
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <FeedbackContext.Provider value={value}>
      {props.children}
      {wanted && (
        <Suspense fallback={null}>
          <ToastHost pending={pending} deliver={deliver} />
        </Suspense>
      )}
    </FeedbackContext.Provider>
  );
}

/** The pane's feedback; outside a FeedbackProvider (unit tests of one panel) it does nothing. */
export function useFeedback(): Feedback {
  return useContext(FeedbackContext);
}
