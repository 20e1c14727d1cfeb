import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IgnoreEntry, SheetCheck } from "../../../core/check-types";
import type { Finding } from "../../../core/findings";
import type { Grid } from "../../../core/grid/types";
import { toA1 } from "../../../core/grid/a1";
import { planMarks } from "../../../core/marks";
import type { WorkbookPort } from "../../../core/port";
import { useCheckOnOpen, useCheckRequest } from "../../file/check-on-open";
import { useFocusReturn } from "../../hooks/useFocusReturn";
import { useTask } from "../../hooks/useTask";
import { formatCount } from "../../format";
import { useText } from "../../i18n";
import type { SheetOverride } from "../../settings";
import { checkSheetThroughPort, severityCounts, staleQuiet } from "../../workbook-check";
import { useSession } from "../../WorkbookSession";
import { ErrorMessage } from "../common/ErrorMessage";
import { Notice } from "../common/Notice";
import type { OwnSheet } from "../../own-sheets";
import { useFeedback } from "../common/Feedback";
import { ProgressNote } from "../common/ProgressNote";
import { FindingsList } from "./FindingsList";
import { IgnoredList } from "./IgnoredList";
import { LiveCheckSwitch } from "./LiveCheckSwitch";
import { SeverityCounts } from "./SeverityCounts";
import { TableSummary } from "./TableSummary";

/** 实时校验 waits this long after the last edit before checking (typing a cell fires several changes). */
export const LIVE_DEBOUNCE_MS = 800;

// The ignore dialog (Fluent's Dialog and Textarea) is a chunk of its own, loaded the first time 忽略 is pressed: most
// checks never ignore anything, and the first paint should not carry it.
const IgnoreDialog = lazy(() =>
  import(/* webpackChunkName: "ignore-dialog" */ "./IgnoreDialog").then((m) => ({ default: m.IgnoreDialog })),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface CheckResult {
  sheet: string;
  check: SheetCheck;
  own: OwnSheet | null;
  marked: boolean;
}

interface RunOptions {
  /** Mark the findings (校验) or only recognise the sheet (on opening). */
  mark: boolean;
  /** Look for the workbook's active sheet first and follow it when the user moved in Excel. */
  follow?: boolean;
  /** Use these instead of the session's (just saved, not yet rendered). */
  ignores?: readonly IgnoreEntry[];
  override?: SheetOverride;
  /** When the sheet is not a table of ours, look for the first sheet that is and move there (on opening). */
  findRecognised?: boolean;
}

/** Sheets the add-in writes itself: never the table to check when looking for one. */
const OWN_SHEETS = new Set(["校验结果", "_yanxiu"]);

const NO_OVERRIDE: SheetOverride = {};

/** The text of a cell where the port can tell it (the file port, from its worker); undefined elsewhere. */
async function cellTextOf(
  port: WorkbookPort,
  sheet: string,
  row: number,
  col: number,
): Promise<string | undefined> {
  const reader = (
    port as { cellText?: (sheet: string, row: number, col: number) => string | Promise<string> }
  ).cellText;
  return typeof reader === "function" ? reader.call(port, sheet, row, col) : undefined;
}

/**
 * The 校验 tab: what the sheet was recognised as (with the picker to override it), 校验当前工作表 and 清除标记,
 * 实时校验, the counts and the findings grouped by rule, 忽略 with a reason, and the list of ignored findings.
 */
export function CheckPanel() {
  const styles = useStyles();
  const t = useText();
  const session = useSession();
  const { port, sheet } = session;
  const task = useTask();
  const run = task.run;
  const feedback = useFeedback();
  const focusReturn = useFocusReturn();
  const countsRef = useRef<HTMLDivElement>(null);
  const [detected, setDetected] = useState<{ sheet: string; check: SheetCheck; own: OwnSheet | null } | null>(
    null,
  );
  const [result, setResult] = useState<CheckResult | null>(null);
  const [pending, setPending] = useState<Finding | null>(null);
  // Mounted from the first 忽略 on, and kept: Fluent's Dialog animates its closing and returns focus itself.
  const dialogWanted = useRef(false);
  if (pending) dialogWanted.current = true;
  const [live, setLive] = useState(false);
  const latest = useRef(session);
  latest.current = session;
  const generation = useRef(0);
  const checking = useRef(false);
  const again = useRef<string | null>(null);
  // The marking check under way, with the one queued after it: what a caller asking for a check meanwhile (the
  // download, right after opening) waits for, rather than being told that no check was made.
  const marking = useRef<Promise<boolean> | null>(null);

  // Another workbook: nothing of the previous one stays on screen (its results, its failure).
  const clearError = task.clearError;
  useEffect(() => {
    setDetected(null);
    setResult(null);
    setLive(false);
    clearError();
  }, [port, clearError]);

  const runOn = useCallback(
    async (target: string | null, options: RunOptions): Promise<boolean> => {
      const p = latest.current.port;
      if (!p) return false;
      if (options.mark && checking.current) {
        // A check is under way (实时 edits arrive while marking, a download is asked for while the workbook is
        // checked on opening): check once more when it is done, and answer with how that went.
        again.current = target;
        return marking.current ?? false;
      }
      const work = checkOnce(p, target, options);
      if (options.mark) marking.current = work;
      return work;
    },
    // checkOnce, below, is the rest of runOn: it reads only refs, state setters and `run`.
    [run],
  );

  async function checkOnce(p: WorkbookPort, target: string | null, options: RunOptions): Promise<boolean> {
    const gen = ++generation.current;
    if (options.mark) checking.current = true;
    let marked = false;
    try {
      const done = await run(
        options.mark ? "checking" : "detecting",
        () =>
          staleQuiet(
            p,
            () => latest.current.port,
            async () => {
              let name = target;
              let names: string[] | undefined = latest.current.sheets.map((s) => s.name);
              // Looking for the active sheet reads it in the same request where the port can (one sync less).
              let grid: Grid | undefined;
              if (options.follow || name === null)
                ({ sheet: name, names, grid } = await latest.current.refreshSheets({ read: true }));
              if (!name) return false;
              let sheetName = name;
              const s = latest.current;
              const go = (sheetToCheck: string, mark: boolean, sheetGrid?: Grid) =>
                checkSheetThroughPort(p, sheetToCheck, {
                  mark,
                  ignores: options.ignores ?? s.ignores,
                  override: options.override ?? s.overrides[sheetToCheck],
                  sheetNames: names && names.length > 0 ? names : undefined,
                  grid: sheetGrid,
                });
              if (options.findRecognised && names) {
                // On opening: a workbook saved on its notes or cover sheet is checked on the first sheet that is a
                // table of ours, and the pane moves there.
                const first = await go(sheetName, false, grid);
                if (first.check.table === "unknown" && !s.overrides[sheetName]) {
                  for (const other of names) {
                    if (other === sheetName || OWN_SHEETS.has(other)) continue;
                    const { check } = await go(other, false);
                    if (check.table !== "unknown") {
                      sheetName = other;
                      grid = undefined;
                      s.chooseSheet(other);
                      break;
                    }
                  }
                } else grid = first.grid;
              }
              const mark = options.mark;
              const { check, own } = mark
                ? await s.ownWork(() => go(sheetName, true, grid))
                : await go(sheetName, false, grid);
              // Work on a workbook that has since been replaced shows nothing.
              if (latest.current.port !== p) return false;
              if (gen !== generation.current && !mark) return false;
              setDetected({ sheet: sheetName, check, own });
              if (mark) setResult({ sheet: sheetName, check, own, marked: true });
              return mark;
            },
          ),
        { background: !options.mark || options.findRecognised },
      );
      marked = done === true;
    } finally {
      if (options.mark) checking.current = false;
    }
    if (options.mark && again.current !== null) {
      const next = again.current;
      again.current = null;
      return runOn(next, { mark: true });
    }
    return marked;
  }

  // Recognise the sheet as soon as it is known (and the stored choices are loaded), without marking anything;
  // a workbook the pane was asked to check on opening (every file file mode opens) is checked and marked, once,
  // on its active sheet or, when that is not a table of ours, on the first sheet that is.
  const checkOnOpen = useCheckOnOpen();
  const checkedOnOpen = useRef<WorkbookPort | null>(null);
  useEffect(() => {
    if (!port || !sheet || session.loading) return;
    const mark = checkOnOpen === port && checkedOnOpen.current !== port;
    if (mark) checkedOnOpen.current = port;
    void runOn(sheet, { mark, findRecognised: mark });
  }, [port, sheet, session.loading, runOn, checkOnOpen]);

  // The download asks for a check of the sheet as it is now, so the copy always carries current marks.
  const request = useCheckRequest();
  useEffect(() => {
    if (!request) return;
    const now = () => runOn(latest.current.sheet, { mark: true });
    request.current = now;
    return () => {
      if (request.current === now) request.current = null;
    };
  }, [request, runOn]);

  // 实时校验: re-check the sheet after the user's edits, debounced, never after our own.
  useEffect(() => {
    if (!live || !port?.onSheetChanged || !sheet) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = port.onSheetChanged(
      sheet,
      () => {
        if (latest.current.isOwnChange()) return;
        clearTimeout(timer);
        timer = setTimeout(() => void runOn(sheet, { mark: true }), LIVE_DEBOUNCE_MS);
      },
      // Listening could not start (or stop): say so, as any failure of the check is said.
      (error) => {
        setLive(false);
        void run("checking", () => Promise.reject(error));
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [live, port, sheet, runOn, run]);

  const override = (sheet && session.overrides[sheet]) || NO_OVERRIDE;
  const current = result && result.sheet === sheet ? result : null;

  const changeOverride = (next: SheetOverride) => {
    if (!sheet) return;
    void run("saving", async () => {
      await latest.current.setOverride(sheet, next);
      return true;
    }).then((saved) => {
      if (saved) void runOn(sheet, { mark: current?.marked ?? false, override: next });
    });
  };

  const clear = () => {
    const p = port;
    const name = current?.sheet ?? sheet;
    if (!p || !name) return;
    void run("clearing", async () => {
      await latest.current.ownWork(() => p.clearMarks(name));
      return true;
    }).then((done) => {
      if (done) setResult((r) => (r && r.sheet === name ? { ...r, marked: false } : r));
    });
  };

  const select = (finding: Finding) => {
    const p = port;
    if (!p || !current) return;
    const { sheet: name } = current;
    void run("selecting", async () => {
      await p.selectCell(name, finding.row, finding.col);
      // Inside Excel the grid moves to the cell; a file has no grid, so the pane says where and what it holds.
      return { text: p.kind === "file" ? await cellTextOf(p, name, finding.row, finding.col) : undefined };
    }).then((done) => {
      if (!done || p.kind !== "file") return;
      const { text } = done;
      feedback.notify({
        key: "selection",
        intent: "info",
        title: t("fileSelectedCell", { sheet: name, cell: toA1(finding.row, finding.col) }),
        body:
          text === undefined
            ? undefined
            : text === ""
              ? t("fileSelectedEmpty")
              : t("fileSelectedText", { text }),
      });
    });
  };

  const confirmIgnore = (finding: Finding, reason: string) => {
    setPending(null);
    focusReturn.restore(() => countsRef.current);
    if (!current) return;
    const name = current.sheet;
    const entry: IgnoreEntry = {
      sheet: name,
      rule: finding.rule,
      cell: toA1(finding.row, finding.col),
      reason,
    };
    void run("saving", () => latest.current.addIgnore(entry)).then((ignores) => {
      if (!ignores) return;
      feedback.notify({ key: "ignore", title: t("ignoredDone", { cell: entry.cell }) });
      void runOn(name, { mark: true, ignores });
    });
  };

  const restore = (entry: IgnoreEntry) => {
    void run("saving", () => latest.current.removeIgnore(entry)).then((ignores) => {
      if (ignores && current && current.sheet === entry.sheet && current.marked)
        void runOn(entry.sheet, { mark: true, ignores });
    });
  };

  const toggleLive = (on: boolean) => {
    setLive(on);
    if (on && sheet) void runOn(sheet, { mark: true });
  };

  // A sheet the add-in made (校验结果, a blank template) is said to be so as soon as it is recognised.
  const ownSheet = (current ?? (detected && detected.sheet === sheet ? detected : null))?.own ?? null;
  // Counted once per check, not on every render (7,000 findings of a 20,000-row list take a while to group).
  const findingsNow = current?.check.findings;
  const markedCells = useMemo(() => (findingsNow ? planMarks(findingsNow).length : 0), [findingsNow]);
  return (
    <div className={styles.root}>
      <TableSummary
        check={detected && detected.sheet === sheet ? detected.check : null}
        own={detected && detected.sheet === sheet ? detected.own : null}
        override={override}
        onOverride={changeOverride}
        disabled={!port || !sheet}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!port}
          onClick={() => void runOn(sheet, { mark: true, follow: true })}
        >
          {t("checkSheet")}
        </Button>
        <Button disabled={!port || !sheet} onClick={clear}>
          {t("clearMarks")}
        </Button>
      </div>
      {/* A file changes only through the pane: 实时校验 cannot apply there, so it takes no room. */}
      {(port?.onSheetChanged || port?.kind === "office") && (
        <LiveCheckSwitch
          checked={live}
          available={Boolean(port?.onSheetChanged)}
          kind={port?.kind ?? "file"}
          onChange={toggleLive}
        />
      )}
      <ProgressNote show={task.progress} activity={task.activity} />
      <ErrorMessage error={task.error} onDismiss={task.clearError} />
      {ownSheet && (
        <Notice intent="info">
          {ownSheet.kind === "results"
            ? t("ownResultsSheet")
            : t("blankTemplate", {
                attachment: ownSheet.template.attachment,
                title: ownSheet.template.title,
              })}
        </Notice>
      )}
      {current && !current.own && (
        <>
          <div ref={countsRef} tabIndex={-1}>
            <SeverityCounts counts={severityCounts(current.check)} ignored={current.check.ignored.length} />
          </div>
          <Caption1 className={styles.muted}>
            {current.marked ? t("marksApplied", { cells: formatCount(markedCells) }) : t("marksCleared")}
          </Caption1>
          <FindingsList
            findings={current.check.findings}
            onSelect={select}
            onIgnore={(f) => {
              focusReturn.remember();
              setPending(f);
            }}
          />
        </>
      )}
      <IgnoredList
        entries={session.ignores.filter((i) => i.sheet === sheet)}
        findings={current?.check.ignored ?? []}
        onRestore={restore}
        disabled={task.busy}
      />
      {dialogWanted.current && (
        <Suspense fallback={null}>
          <IgnoreDialog
            finding={pending}
            onConfirm={confirmIgnore}
            onCancel={() => {
              setPending(null);
              focusReturn.restore(() => countsRef.current);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
