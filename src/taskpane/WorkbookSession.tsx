// What every tab shares about the open workbook: its sheets and the one the pane works on, what the port can do,
// and the user's stored choices (ignored findings, packs and levels chosen by hand). Loaded again whenever the
// port changes (a file opened in file mode).

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { IgnoreEntry } from "../core/check-types";
import type { Grid } from "../core/grid/types";
import type { PortCapabilities, SheetInfo, WorkbookPort } from "../core/port";
import { usePort } from "./PortContext";
import {
  loadIgnores,
  loadOverrides,
  saveIgnores,
  saveOverrides,
  withIgnore,
  withOverride,
  withoutIgnore,
  type Overrides,
  type SheetOverride,
} from "./settings";
import { lookAtWorkbook } from "./workbook-check";

export interface WorkbookSession {
  port: WorkbookPort | null;
  sheets: SheetInfo[];
  /** The sheet the tabs work on: the active one, or the one chosen in the pane. */
  sheet: string | null;
  chooseSheet(name: string): void;
  /**
   * Lists the sheets again. When the workbook's active sheet has changed since the last look (the user moved to
   * another sheet in Excel), the pane follows it; otherwise the pane's own choice stays. Returns the sheet to use
   * and the names of all sheets. With `follow: false` the pane keeps its sheet (after inserting one, which Excel
   * activates). With `read: true` the active sheet is read in the same request where the port can
   * (readActiveSheet), and its grid comes back when it is the sheet to use, so 校验 need not read it again.
   */
  refreshSheets(options?: {
    follow?: boolean;
    read?: boolean;
  }): Promise<{ sheet: string | null; names: string[]; grid?: Grid }>;
  /**
   * Runs work that changes the workbook (marks, written cells, inserted sheets). Change events that arrive during it
   * and shortly after are its echo, and `isOwnChange` says so, so 实时校验 does not react to the add-in's own edits.
   */
  ownWork<T>(work: () => Promise<T>): Promise<T>;
  isOwnChange(): boolean;
  capabilities: PortCapabilities | null;
  ignores: readonly IgnoreEntry[];
  overrides: Overrides;
  addIgnore(entry: IgnoreEntry): Promise<readonly IgnoreEntry[]>;
  removeIgnore(entry: Omit<IgnoreEntry, "reason">): Promise<readonly IgnoreEntry[]>;
  setOverride(sheet: string, override: SheetOverride): Promise<void>;
  /** Loading failed (sheets, capabilities); shown at the top of the pane. */
  loadError: unknown;
  /** The stored choices could not be read (an Excel without workbook settings): shown as a warning. */
  settingsError: unknown;
  loading: boolean;
}

/**
 * Changes reported this long after our own writes are taken for their echo, not for the user's edits (Excel
 * delivers change events asynchronously, after the request that caused them has returned).
 */
export const OWN_CHANGE_QUIET_MS = 1500;

const SessionContext = createContext<WorkbookSession | null>(null);

const EMPTY: readonly IgnoreEntry[] = [];
const NO_SHEETS: SheetInfo[] = [];
const NO_OVERRIDES: Overrides = {};

/** Provides the session of the port in PortContext to the tabs. */
export function WorkbookSessionProvider(props: { children?: ReactNode }) {
  const port = usePort();
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [capabilities, setCapabilities] = useState<PortCapabilities | null>(null);
  const [ignores, setIgnores] = useState<readonly IgnoreEntry[]>(EMPTY);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const [settingsError, setSettingsError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  // The port the state above belongs to. A new port arrives one render before the effect below resets the state:
  // in that render the tabs must not see the previous workbook's sheet (they would ask the new port for it).
  const [stateOf, setStateOf] = useState<WorkbookPort | null>(port);
  const fresh = stateOf === port;
  const lastActive = useRef<string | null>(null);
  const sheetRef = useRef<string | null>(null);
  // The latest stored values, so two quick ignores in a row both land (state updates are not synchronous).
  const ignoresRef = useRef<readonly IgnoreEntry[]>(EMPTY);
  const overridesRef = useRef<Overrides>({});

  const select = useCallback((name: string | null) => {
    sheetRef.current = name;
    setSheet(name);
  }, []);

  const refreshSheets = useCallback(
    async (
      options: { follow?: boolean; read?: boolean } = {},
    ): Promise<{ sheet: string | null; names: string[]; grid?: Grid }> => {
      if (!port) return { sheet: null, names: [] };
      const { sheets: list, activeGrid } = options.read
        ? await lookAtWorkbook(port)
        : { sheets: await port.listSheets(), activeGrid: undefined };
      setSheets(list);
      const active = list.find((s) => s.active)?.name ?? list[0]?.name ?? null;
      const current = sheetRef.current;
      const follow = options.follow !== false && active !== lastActive.current;
      let next = current;
      if (follow || current === null || !list.some((s) => s.name === current)) next = active;
      lastActive.current = active;
      select(next);
      const names = list.map((s) => s.name);
      return activeGrid && activeGrid.name === next
        ? { sheet: next, names, grid: activeGrid }
        : { sheet: next, names };
    },
    [port, select],
  );

  const quietUntil = useRef(0);
  const ownWork = useCallback(async <T,>(work: () => Promise<T>): Promise<T> => {
    quietUntil.current = Number.POSITIVE_INFINITY;
    try {
      return await work();
    } finally {
      quietUntil.current = Date.now() + OWN_CHANGE_QUIET_MS;
    }
  }, []);
  const isOwnChange = useCallback(() => Date.now() < quietUntil.current, []);

  useEffect(() => {
    let stale = false;
    lastActive.current = null;
    sheetRef.current = null;
    ignoresRef.current = EMPTY;
    overridesRef.current = {};
    setSheets([]);
    setSheet(null);
    setCapabilities(null);
    setIgnores(EMPTY);
    setOverrides({});
    setLoadError(null);
    setSettingsError(null);
    setStateOf(port);
    if (!port) return;
    setLoading(true);
    const load = async () => {
      try {
        const [caps] = await Promise.all([port.capabilities(), refreshSheets()]);
        if (!stale) setCapabilities(caps);
      } catch (e) {
        if (!stale) setLoadError(e);
      }
      try {
        const [storedIgnores, storedOverrides] = await Promise.all([loadIgnores(port), loadOverrides(port)]);
        if (stale) return;
        ignoresRef.current = storedIgnores;
        overridesRef.current = storedOverrides;
        setIgnores(storedIgnores);
        setOverrides(storedOverrides);
      } catch (e) {
        if (!stale) setSettingsError(e);
      }
    };
    void load().finally(() => {
      if (!stale) setLoading(false);
    });
    return () => {
      stale = true;
    };
  }, [port, refreshSheets]);

  const addIgnore = useCallback(
    async (entry: IgnoreEntry) => {
      if (!port) return ignoresRef.current;
      const next = withIgnore(ignoresRef.current, entry);
      await saveIgnores(port, next);
      ignoresRef.current = next;
      setIgnores(next);
      return next;
    },
    [port],
  );

  const removeIgnore = useCallback(
    async (entry: Omit<IgnoreEntry, "reason">) => {
      if (!port) return ignoresRef.current;
      const next = withoutIgnore(ignoresRef.current, entry);
      await saveIgnores(port, next);
      ignoresRef.current = next;
      setIgnores(next);
      return next;
    },
    [port],
  );

  const setOverride = useCallback(
    async (name: string, override: SheetOverride) => {
      if (!port) return;
      const next = withOverride(overridesRef.current, name, override);
      await saveOverrides(port, next);
      overridesRef.current = next;
      setOverrides(next);
    },
    [port],
  );

  const value = useMemo<WorkbookSession>(
    () => ({
      port,
      sheets: fresh ? sheets : NO_SHEETS,
      sheet: fresh ? sheet : null,
      chooseSheet: select,
      refreshSheets,
      ownWork,
      isOwnChange,
      capabilities,
      ignores: fresh ? ignores : EMPTY,
      overrides: fresh ? overrides : NO_OVERRIDES,
      addIgnore,
      removeIgnore,
      setOverride,
      loadError: fresh ? loadError : null,
      settingsError: fresh ? settingsError : null,
      loading: fresh ? loading : port !== null,
    }),
    [
      fresh,
      port,
      sheets,
      sheet,
      select,
      refreshSheets,
      ownWork,
      isOwnChange,
      capabilities,
      ignores,
      overrides,
      addIgnore,
      removeIgnore,
      setOverride,
      loadError,
      settingsError,
      loading,
    ],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** A component that needs the session was rendered outside WorkbookSessionProvider (a programmer fault). */
export class MissingSessionError extends Error {
  override name = "MissingSessionError";
}

/** The workbook session of the nearest WorkbookSessionProvider. */
export function useSession(): WorkbookSession {
  const session = useContext(SessionContext);
  if (!session) throw new MissingSessionError("useSession needs a WorkbookSessionProvider above it");
  return session;
}
