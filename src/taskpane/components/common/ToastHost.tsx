// The pane's Toaster and what shows a message in it: a chunk of its own (Fluent's Toast and its motion), mounted by
// FeedbackProvider when the first message comes, so the pane's first paint does not carry it.

import { Toast, ToastBody, Toaster, ToastTitle, useId, useToastController } from "@fluentui/react-components";
import { useEffect, useRef, type MutableRefObject } from "react";
import { FEEDBACK_TIMEOUT_MS, type FeedbackMessage } from "./Feedback";

export function ToastHost(props: {
  /** Messages that came before this host was loaded, shown as soon as it is. */
  pending: MutableRefObject<FeedbackMessage[]>;
  /** Set here to what shows a message; FeedbackProvider calls it from then on. */
  deliver: MutableRefObject<((message: FeedbackMessage) => void) | null>;
}) {
  const toasterId = useId("pane-toaster");
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  // The toast shown last for each key, so a newer message of the same kind replaces it instead of stacking.
  const shown = useRef(new Map<string, string>());
  const count = useRef(0);
  const { pending, deliver } = props;

  useEffect(() => {
    const show = ({ title, body, intent = "success", key }: FeedbackMessage) => {
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
    };
    deliver.current = show;
    for (const message of pending.current.splice(0)) show(message);
    return () => {
      deliver.current = null;
    };
  }, [deliver, pending, dispatchToast, dismissToast]);

  return <Toaster toasterId={toasterId} position="bottom" limit={3} />;
}
