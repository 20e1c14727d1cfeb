import { Button, Caption1, makeStyles, Subtitle2, tokens, Tooltip } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { type checkGrid, recogniseSheet } from "../../../core/check";
import type { Grid } from "../../../core/grid/types";
import { toA1 } from "../../../core/grid/a1";
import { LIST_COLUMNS, type ListKey } from "../../../core/recognise/columns";
import { readList, type ListTable } from "../../../core/recognise/list";
import {
  buildStatsSheet,
  computeStats,
  statsProfileFor,
  statsText,
  type ListStats,
} from "../../../core/stats";
import { useTask } from "../../hooks/useTask";
import { yieldToBrowser } from "../../workbook-check";
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

interface Loaded {
  sheet: string;
  grid: Grid;
  list: ListTable<ListKey> | undefined;
  stats: ListStats | undefined;
}

/** Reads the figures of a list sheet: the pack (as checked, honouring the user's choice) decides the plan figures. */
export function figuresOf(grid: Grid, policy: Parameters<typeof checkGrid>[1]): Omit<Loaded, "sheet"> {
  const list = readList(grid, LIST_COLUMNS);
  if (!list) return { grid, list: undefined, stats: undefined };
  const pack = recogniseSheet(grid, policy)?.pack.id ?? null;
  return { grid, list, stats: computeStats(grid, { list, profile: statsProfileFor(pack) }) };
}

/** figuresOf in three tasks (list, pack, figures), letting the browser breathe between them on long lists. */
async function figuresInSteps(
  grid: Grid,
  policy: Parameters<typeof checkGrid>[1],
): Promise<Omit<Loaded, "sheet">> {
  const list = readList(grid, LIST_COLUMNS);
  if (!list) return { grid, list: undefined, stats: undefined };
  await yieldToBrowser();
  const pack = recogniseSheet(grid, policy)?.pack.id ?? null;
  await yieldToBrowser();
  return { grid, list, stats: computeStats(grid, { list, profile: statsProfileFor(pack) }) };
}

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
        const grid = await p.readSheet(name);
        if (latest.current.port !== p) return;
        const override = latest.current.overrides[name];
        await yieldToBrowser();
        const figures = await figuresInSteps(grid, { policy: override?.policy, level: override?.level });
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
