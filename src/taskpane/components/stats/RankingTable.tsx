import { makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ProjectRow } from "../../../core/stats";
import { formatCount, formatNumber } from "../../format";
import { ShowMore } from "../common/ShowMore";
import { useText, type TextKey } from "../../i18n";

export type RankingColumn = "rank" | "title" | "recommender" | "score" | "key";
export type SortDirection = "ascending" | "descending";
export interface RankingSort {
  column: RankingColumn;
  direction: SortDirection;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Fixed layout with wrapping text keeps the table inside a 320 px pane: no sideways scrolling.
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: "left",
    padding: 0,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
  },
  sortButton: {
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    border: "none",
    background: "none",
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  narrow: { width: "3.4em" },
  tiny: { width: "2.4em" },
  wide: { width: "30%" },
  muted: { color: tokens.colorNeutralForeground3 },
  caption: { captionSide: "top", textAlign: "left", color: tokens.colorNeutralForeground3 },
});

const HEADERS: Record<RankingColumn, TextKey> = {
  rank: "colRank",
  title: "colTitle",
  recommender: "colRecommender",
  score: "colScore",
  key: "colKey",
};

// One collator for every comparison: String.localeCompare builds one per call, which made sorting 20,000 rows take
// seconds.
const COLLATOR = new Intl.Collator("zh-CN");

function compareValues(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return COLLATOR.compare(String(a), String(b));
}

/** How many rows the table draws at first, and how many more each 显示更多 adds. */
export const RANKING_PAGE = 100;

function valueOf(row: ProjectRow, column: RankingColumn): string | number | boolean | null {
  switch (column) {
    case "rank":
      return row.rank;
    case "title":
      return row.title;
    case "recommender":
      return row.recommender;
    case "score":
      return row.score;
    case "key":
      return row.key;
  }
}

/**
 * Rows sorted by a column; rows without a value (unranked, no score) stay at the end in either direction, and ties
 * keep sheet order, so sorting never hides which rows lack a figure.
 */
export function sortRows(rows: readonly ProjectRow[], sort: RankingSort): ProjectRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = valueOf(x.row, sort.column);
      const b = valueOf(y.row, sort.column);
      const aEmpty = a === null || a === "";
      const bEmpty = b === null || b === "";
      if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
      const c = aEmpty ? 0 : compareValues(a, b) * sign;
      return c !== 0 ? c : x.row.row - y.row.row;
    })
    .map(({ row }) => row);
}

/** The ranking table, sortable by any column with the mouse or the keyboard (the headers are buttons). */
export function RankingTable(props: { rows: readonly ProjectRow[]; showRecommender: boolean }) {
  const styles = useStyles();
  const t = useText();
  const [sort, setSort] = useState<RankingSort>({ column: "rank", direction: "ascending" });
  const [shown, setShown] = useState(RANKING_PAGE);
  const sorted = useMemo(() => sortRows(props.rows, sort), [props.rows, sort]);
  if (props.rows.length === 0) return null;
  const left = sorted.length - Math.min(shown, sorted.length);
  const step = Math.min(RANKING_PAGE, left);
  const columns: RankingColumn[] = props.showRecommender
    ? ["rank", "title", "recommender", "score", "key"]
    : ["rank", "title", "score", "key"];
  const width: Partial<Record<RankingColumn, string>> = {
    rank: styles.narrow,
    score: styles.narrow,
    key: styles.tiny,
    recommender: styles.wide,
  };
  const choose = (column: RankingColumn) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === "ascending" ? "descending" : "ascending" }
        : { column, direction: column === "score" || column === "key" ? "descending" : "ascending" },
    );
  const arrow = (column: RankingColumn) =>
    sort.column === column ? (sort.direction === "ascending" ? " ▲" : " ▼") : "";

  return (
    <section className={styles.section} aria-label={t("statsRanking")}>
      <Subtitle2 as="h2">{t("statsRanking")}</Subtitle2>
      <table className={styles.table}>
        <caption className={styles.caption}>{t("rankingCaption")}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                className={mergeClasses(styles.th, width[column])}
                aria-sort={sort.column === column ? sort.direction : "none"}
              >
                <button type="button" className={styles.sortButton} onClick={() => choose(column)}>
                  {t(HEADERS[column])}
                  <span aria-hidden="true">{arrow(column)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row) => (
            <tr key={row.row}>
              {columns.map((column) => (
                <td key={column} className={styles.td}>
                  {cellText(row, column, t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore
        left={left}
        step={step}
        onClick={() => setShown((n) => n + RANKING_PAGE)}
        label={t("showMore", { count: formatCount(step), left: formatCount(left) })}
      />
    </section>
  );
}

function cellText(row: ProjectRow, column: RankingColumn, t: (key: TextKey) => string): string {
  switch (column) {
    case "rank":
      return row.rank === null ? "—" : row.tied ? `${row.rank}${t("tiedMark")}` : String(row.rank);
    case "title":
      return row.title;
    case "recommender":
      return row.recommender ?? "";
    case "score":
      return formatNumber(row.score);
    case "key":
      return row.key ? "✓" : "";
  }
}
