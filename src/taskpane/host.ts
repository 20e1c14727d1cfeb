// Where the pane is running: inside Excel (office.js loaded and Office says the host is Excel) or in a plain
// browser, the file mode. Decided once at start-up, before React renders.

import { pickLanguage, type Lang } from "./strings";

/** "excel": inside Excel, working on the open workbook. "file": a browser, working on an opened xlsx file. */
export type PaneMode = "excel" | "file";

export interface HostInfo {
  mode: PaneMode;
  /** The language to start in, from Office's display language or the browser's. */
  lang: Lang;
}

/** What detectHost reads from the page; a parameter so tests can describe any environment. */
export interface HostEnvironment {
  /** The page's query string, e.g. "?mode=file". */
  search: string;
  /** The browser's language (navigator.language). */
  browserLanguage: string | undefined;
  /** The Office global, when office.js was loaded. */
  office: typeof Office | undefined;
}

/**
 * Office.onReady resolves at once outside Office, and within seconds inside it. If it never answers
 * (office.js half-loaded, a blocked CDN script) the pane still comes up, in file mode, instead of hanging.
 */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

/** True when the address asks for file mode explicitly (`?mode=file`), even inside Office. */
export function wantsFileMode(search: string): boolean {
  return new URLSearchParams(search).get("mode") === "file";
}

/**
 * Decides between Excel and file mode and the starting language.
 * File mode when the address says so, when office.js is absent, or when Office reports a host other than Excel.
 */
export async function detectHost(
  env: HostEnvironment,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<HostInfo> {
  const fileMode: HostInfo = { mode: "file", lang: pickLanguage(env.browserLanguage) };
  if (wantsFileMode(env.search) || !env.office) return fileMode;
  const office = env.office;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timedOut]);
    if (info && info.host === office.HostType.Excel) {
      return { mode: "excel", lang: pickLanguage(office.context?.displayLanguage ?? env.browserLanguage) };
    }
    return fileMode;
  } catch {
    // office.js that throws while starting is as good as absent: the file mode still works.
    return fileMode;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the real page's environment. */
export function currentEnvironment(): HostEnvironment {
  return {
    search: window.location.search,
    browserLanguage: typeof navigator === "undefined" ? undefined : navigator.language,
    office: typeof Office === "undefined" ? undefined : Office,
  };
}
