import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { SheetLayout } from "../../../core/templates";
import type { MergeArea } from "../../../core/grid/types";

/** Rows of the printed area shown in a preview: enough to recognise the table, few enough for a gallery. */
export const PREVIEW_ROWS = 8;
const MAX_COLS = 8;

const useStyles = makeStyles({
  frame: {
    maxHeight: "132px",
    overflow: "hidden",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "#ffffff",
    padding: "4px",
    margin: 0,
  },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: "8px",
    lineHeight: "10px",
    color: "#000000",
  },
  cell: {
    padding: "1px 2px",
    overflow: "hidden",
    verticalAlign: "middle",
    overflowWrap: "anywhere",
    maxHeight: "30px",
  },
  bordered: { border: "1px solid #595959" },
  bold: { fontWeight: 700 },
});

function inside(areas: readonly MergeArea[], row: number, col: number): boolean {
  return areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
}

/**
 * The first rows of a template's printed area as a small HTML table: text as text, merges as spans, borders where
 * the template draws them, column widths in proportion.
 */
export function TemplatePreview(props: { layout: SheetLayout; label: string }) {
  const styles = useStyles();
  const { layout } = props;
  const area = layout.print.printArea;
  const top = area.top;
  const bottom = Math.min(area.bottom, top + PREVIEW_ROWS - 1);
  const left = area.left;
  const right = Math.min(area.right, left + MAX_COLS - 1);
  const widths: number[] = [];
  for (let c = left; c <= right; c++) widths.push(layout.columnWidths[c] ?? 9);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const cellAt = new Map(layout.cells.map((c) => [`${c.row}:${c.col}`, c]));

  const rows: ReactNode[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: ReactNode[] = [];
    for (let c = left; c <= right; c++) {
      const merge = layout.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
      if (merge && (merge.top !== r || merge.left !== c)) {
        // Covered by a merge that starts above or to the left: drawn by that cell, unless it starts outside the view.
        const startsInView = merge.top >= top && merge.left >= left;
        if (startsInView) continue;
      }
      const cell = cellAt.get(`${r}:${c}`);
      const text = cell?.value === undefined ? "" : String(cell.value);
      const colSpan = merge ? Math.min(merge.right, right) - c + 1 : 1;
      const rowSpan = merge ? Math.min(merge.bottom, bottom) - r + 1 : 1;
      const className = mergeClasses(
        styles.cell,
        inside(layout.borders, r, c) && styles.bordered,
        cell?.style?.bold && styles.bold,
      );
      cells.push(
        <td
          key={c}
          colSpan={colSpan > 1 ? colSpan : undefined}
          rowSpan={rowSpan > 1 ? rowSpan : undefined}
          className={className}
          style={{ textAlign: cell?.style?.hAlign ?? "left" }}
        >
          {text}
        </td>,
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }

  return (
    <figure className={styles.frame} aria-label={props.label}>
      <table className={styles.table}>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${(w / total) * 100}%` }} />
          ))}
        </colgroup>
        <tbody>{rows}</tbody>
      </table>
    </figure>
  );
}
