import { Button, Caption1, makeStyles, Subtitle2, tokens, Tooltip } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { toA1 } from "../../../core/grid/a1";
import { buildStatsSheet, statsText } from "../../../core/stats";
import { useTask } from "../../hooks/useTask";
import type { SheetOverride } from "../../settings";
import { staleQuiet, yieldToBrowser } from "../../workbook-check";
import { figuresInSteps, figuresOf, type SheetFigures } from "./figures";
import { useLanguage, useText } from "../../i18n";
import { useSession } from "../../WorkbookSession";
import { ErrorMessage } from "../common/ErrorMessage";
import { useFeedback } from "../common/Feedback";
import { Notice } from "../common/Notice";
import { ProgressNote } from "../common/ProgressNote";
import { DomainBars } from "./DomainBars";
import { QuotaPanel } from "./QuotaPanel";
import { RankColumnWriter, type RankWriteResult } from "./RankColumnWriter";
import { RankingTable } from "./RankingTable";
import { TotalsPanel } from "./TotalsPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Loaded extends SheetFigures {
  sheet: string;
}

export { figuresOf };

/** What the file-mode port offers (worker/worker-port.ts): the figures counted in its worker. */
type FiguresInWorker = (sheet: string, override?: SheetOverride) => Promise<SheetFigures>;

/**
 * The 统计 tab: the list's figures at a glance (totals against the plan, quota per recommender, projects per 领域,
 * the ranking table), and 写入排名 / 插入统计表 to put them into the workbook. Loaded when the tab is first shown.
 */
export function StatsPanel(props: { active: boolean }) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const session = useSession();
  const { port, sheet } = session;
  const task = useTask();
  const run = task.run;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const feedback = useFeedback();
  const latest = useRef(session);
  latest.current = session;

  const clearError = task.clearError;
  useEffect(() => {
    setLoaded(null);
    clearError();
  }, [port, clearError]);

  const load = useCallback(
    (name: string) =>
      run("computingStats", async () => {
        const p = latest.current.port;
        if (!p) return;
        const override = latest.current.overrides[name];
        const inWorker = (p as { figuresInWorker?: FiguresInWorker }).figuresInWorker;
        let figures: SheetFigures;
        if (typeof inWorker === "function") {
          // File mode: the figures are counted where the workbook lives (its worker), off the page's thread. A
          // workbook replaced meanwhile fails the request; that is no news to the user.
          const counted = await staleQuiet(
            p,
            () => latest.current.port,
            () => inWorker.call(p, name, override),
          );
          if (counted === false) return;
          figures = counted;
        } else {
          const grid = await p.readSheet(name);
          if (latest.current.port !== p) return;
          await yieldToBrowser();
          figures = await figuresInSteps(grid, { policy: override?.policy, level: override?.level });
        }
        if (latest.current.port !== p) return;
        setLoaded({ sheet: name, ...figures });
      }),
    [run],
  );

  useEffect(() => {
    if (!props.active || !port || !sheet || session.loading) return;
    if (loaded?.sheet === sheet) return;
    void load(sheet);
  }, [props.active, port, sheet, session.loading, loaded, load]);

  const current = loaded && loaded.sheet === sheet ? loaded : null;
  const stats = current?.stats;
  const write = port?.writeCells?.bind(port);

  const runWrite = (work: () => Promise<RankWriteResult>) => {
    if (!current) return;
    void run("writingRanks", () => latest.current.ownWork(work)).then((result) => {
      if (!result) return;
      feedback.notify({ title: t("ranksWritten", { column: result.column, cells: result.cells }) });
      void load(current.sheet);
    });
  };

  const insertStats = () => {
    const p = port;
    if (!p || !current?.list || !current.stats) return;
    const { list, stats: figures } = current;
    void run("insertingSheet", async () => {
      const layout = buildStatsSheet(current.sheet, list, figures, { lang });
      const name = await latest.current.ownWork(() => p.insertSheet(layout));
      await latest.current.refreshSheets({ follow: false });
      return name;
    }).then((name) => {
      if (name) feedback.notify({ title: t("sheetInserted", { name }) });
    });
  };

  const canInsert = session.capabilities?.insertSheet !== false;
  const insertButton = (
    <Button disabledFocusable={!canInsert || task.busy} onClick={insertStats}>
      {t("insertStats")}
    </Button>
  );

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <Button disabled={!port || !sheet || task.busy} onClick={() => sheet && void load(sheet)}>
          {t("recomputeStats")}
        </Button>
        {current && (
          <Caption1 className={styles.muted}>{t("statsOfSheet", { sheet: current.sheet })}</Caption1>
        )}
      </div>
      <ProgressNote show={task.progress} activity={task.activity} />
      <ErrorMessage error={task.error} onDismiss={task.clearError} />
      {current && !stats && <Notice intent="info">{t("notAList")}</Notice>}
      {current && stats && (
        <>
          {stats.caveats.length > 0 && (
            <Notice intent="warning">
              {
                statsText.caveatNote(
                  stats.caveats.slice(0, 8).map((c) => toA1(c.row, c.col)),
                  Math.max(0, stats.caveats.length - 8),
                )[lang]
              }
            </Notice>
          )}
          <TotalsPanel totals={stats.totals} />
          <QuotaPanel recommenders={stats.recommenders} />
          <DomainBars domains={stats.domains} unset={stats.domainUnset} />
          <RankingTable
            rows={stats.ranking.length > 0 ? stats.ranking : stats.rows}
            showRecommender={stats.rows.some((r) => r.recommender !== null)}
          />
          <section className={styles.section} aria-label={t("statsInWorkbook")}>
            <Subtitle2 as="h2">{t("statsInWorkbook")}</Subtitle2>
            <RankColumnWriter
              grid={current.grid}
              stats={stats}
              write={write ? (writes) => write(current.sheet, writes) : undefined}
              run={runWrite}
              disabled={task.busy}
            />
            <div>
              {canInsert ? (
                insertButton
              ) : (
                <Tooltip content={t("cannotInsert")} relationship="description">
                  {insertButton}
                </Tooltip>
              )}
            </div>
            <Caption1 className={styles.muted}>{t("insertStatsHint")}</Caption1>
          </section>
        </>
      )}
    </div>
  );
}
