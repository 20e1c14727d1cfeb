// Where keyboard focus goes when a dialog closes. The pane's dialogs are opened from code (a finding's 忽略, 写入排名),
// not from a DialogTrigger, so Fluent has no trigger to give focus back to and it would fall to the page's body: a
// keyboard user would have to tab from the top of the pane again. This remembers the control that opened the
// dialog and returns to it, or, when it is gone (the ignored finding left the list), to its neighbour in the list.

import { useCallback, useRef } from "react";

function focusable(el: Element | null | undefined): el is HTMLElement {
  return el instanceof HTMLElement && el.isConnected && !el.hasAttribute("disabled");
}

/** The first button of the list item next to (or else before) the one holding `el`. */
function neighbourOf(el: HTMLElement): HTMLElement | null {
  const item = el.closest("li");
  for (const sibling of [item?.nextElementSibling, item?.previousElementSibling]) {
    const button = sibling?.querySelector("button");
    if (button) return button;
  }
  return null;
}

export interface FocusReturn {
  /** Call as the dialog opens: remembers the focused control (the one that opened it). */
  remember(): void;
  /** Call as the dialog closes: focus goes back to that control, its neighbour, or `fallback`. */
  restore(fallback?: () => HTMLElement | null | undefined): void;
}

export function useFocusReturn(): FocusReturn {
  const opener = useRef<HTMLElement | null>(null);
  const neighbour = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement ? active : null;
    neighbour.current = opener.current ? neighbourOf(opener.current) : null;
  }, []);
  const restore = useCallback((fallback?: () => HTMLElement | null | undefined) => {
    // After the dialog has unmounted and its focus trap has let go, and through the re-render that may remove the
    // opener (a re-check after 忽略): for a second, whenever focus has fallen to the page itself, it is put back.
    const attempt = (triesLeft: number) => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost) [opener.current, neighbour.current, fallback?.()].find(focusable)?.focus();
      if (triesLeft > 0) setTimeout(() => attempt(triesLeft - 1), 50);
    };
    setTimeout(() => attempt(20), 0);
  }, []);
  return { remember, restore };
}
