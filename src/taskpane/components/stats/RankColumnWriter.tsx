import { Button, Caption1, Field, makeStyles, Select, tokens, Tooltip } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useFocusReturn } from "../../hooks/useFocusReturn";
import { columnLetters } from "../../../core/grid/a1";
import type { Grid } from "../../../core/grid/types";
import type { CellWrite } from "../../../core/port";
import {
  planRankColumn,
  safeWrites,
  type CellConflict,
  type ListStats,
  type RankColumnPlan,
} from "../../../core/stats";
import { cellText } from "../../../core/read/normalise";
import { useText } from "../../i18n";
import { OverwriteDialog } from "./OverwriteDialog";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const AUTO = "auto";

/** A written rank: which column and how many cells, for the pane to confirm. */
export interface RankWriteResult {
  column: string;
  cells: number;
}

/**
 * 写入排名: the computed ranks into a column the user chooses (by default a new column right of the table, or the
 * column written last time). Non-empty cells are never overwritten without asking.
 */
export function RankColumnWriter(props: {
  grid: Grid;
  stats: ListStats;
  /** Writes the cells; absent when the workbook cannot be written (the button says why). */
  write?: (writes: readonly CellWrite[]) => Promise<void>;
  /** Runs the write through the tab's task (busy state, errors), then reloads the figures. */
  run: (work: () => Promise<RankWriteResult>) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const [choice, setChoice] = useState(AUTO);
  const [asking, setAsking] = useState<{ plan: RankColumnPlan; conflicts: CellConflict[] } | null>(null);
  const focusReturn = useFocusReturn();
  const { grid, stats, write } = props;

  const autoPlan = useMemo(() => planRankColumn(grid, stats), [grid, stats]);
  const columns = useMemo(() => {
    const out: { value: string; label: string }[] = [];
    for (let col = 0; col <= grid.colCount; col++) {
      const header = cellText(grid.cell(stats.headerRow, col));
      const letter = columnLetters(col);
      out.push({
        value: String(col),
        label: header === "" ? t("columnEmpty", { letter }) : t("columnNamed", { letter, header }),
      });
    }
    return out;
  }, [grid, stats, t]);

  const noScore = stats.headers.score === undefined;
  const reason = !write ? t("cannotWriteCells") : noScore ? t("noScoreColumn") : undefined;

  const perform = (plan: RankColumnPlan, writes: readonly CellWrite[]) => {
    if (!write) return;
    props.run(async () => {
      await write(writes);
      return { column: columnLetters(plan.col), cells: writes.length };
    });
  };

  const start = () => {
    const plan = choice === AUTO ? autoPlan : planRankColumn(grid, stats, { column: Number(choice) });
    if (plan.overwrites.length > 0) {
      focusReturn.remember();
      setAsking({ plan, conflicts: plan.overwrites });
    } else perform(plan, plan.writes);
  };

  const button = (
    <Button disabledFocusable={reason !== undefined || props.disabled} onClick={start}>
      {t("writeRanks")}
    </Button>
  );
  return (
    <div className={styles.root}>
      <Field label={t("rankColumn")} className={fit.field}>
        <Select
          className={fit.select}
          value={choice}
          onChange={(_e, data) => setChoice(data.value)}
          disabled={reason !== undefined}
        >
          <option value={AUTO}>
            {t(autoPlan.reused ? "rankColumnReuse" : "rankColumnNew", {
              letter: columnLetters(autoPlan.col),
            })}
          </option>
          {columns.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        {reason !== undefined ? (
          <Tooltip content={reason} relationship="description">
            {button}
          </Tooltip>
        ) : (
          button
        )}
      </div>
      {reason !== undefined && <Caption1 className={styles.muted}>{reason}</Caption1>}
      <OverwriteDialog
        conflicts={asking?.conflicts ?? null}
        onCancel={() => {
          setAsking(null);
          focusReturn.restore();
        }}
        onSkip={() => {
          if (asking) perform(asking.plan, safeWrites(asking.plan));
          setAsking(null);
          focusReturn.restore();
        }}
        onOverwrite={() => {
          if (asking) perform(asking.plan, asking.plan.writes);
          setAsking(null);
          focusReturn.restore();
        }}
      />
    </div>
  );
}
