import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Switch,
  ToggleButton,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { useState } from "react";
import { toA1 } from "../../../core/grid/a1";
import { findChoiceCells, tickedText, type ChoiceCell } from "../../choice-cells";
import { useText } from "../../i18n";
import type { TemplateTools } from "./tools";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  options: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const PREVIEW_CHARS = 24;

/**
 * 勾选: the □ groups of the current sheet; choosing an option writes ☑ before it and, in a single-choice group,
 * puts □ back on the others of its group. Needs a port that can write cells.
 */
export function TickHelper(props: { tools: TemplateTools }) {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const { tools } = props;
  const [cells, setCells] = useState<{ sheet: string; cells: ChoiceCell[] } | null>(null);
  const [at, setAt] = useState<string>("");
  const [single, setSingle] = useState(true);
  const canWrite = Boolean(tools.port?.writeCells);

  const scan = (sheet: string, keep?: string) =>
    tools.run("readingChoices", async () => {
      const port = tools.port;
      if (!port) return;
      const found = findChoiceCells(await port.readSheet(sheet));
      setCells({ sheet, cells: found });
      const first = found[0];
      setAt(
        keep && found.some((c) => toA1(c.row, c.col) === keep)
          ? keep
          : first
            ? toA1(first.row, first.col)
            : "",
      );
    });

  const cell = cells?.cells.find((c) => toA1(c.row, c.col) === at);

  const tick = (option: string) => {
    const write = tools.port?.writeCells?.bind(tools.port);
    if (!write || !cell || !cells) return;
    const text = tickedText(cell, option, single);
    if (text === cell.text) return;
    const sheet = cells.sheet;
    void tools
      .run("writingCell", () =>
        tools.ownWork(() => write(sheet, [{ row: cell.row, col: cell.col, value: text }])),
      )
      .then(() => scan(sheet, at));
  };

  const scanButton = (
    <Button
      disabledFocusable={!tools.port || !tools.sheet || tools.busy}
      onClick={() => tools.sheet && void scan(tools.sheet)}
    >
      {t("findChoices", { sheet: tools.sheet ?? "" })}
    </Button>
  );
  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{t("tickHint")}</Caption1>
      <div>{scanButton}</div>
      {!canWrite && tools.port && <Caption1 className={styles.muted}>{t("cannotWriteCells")}</Caption1>}
      {cells && cells.cells.length === 0 && <Caption1>{t("noChoices", { sheet: cells.sheet })}</Caption1>}
      {cells && cells.cells.length > 0 && (
        <>
          <Field label={t("choiceCell")} className={fit.field}>
            <Select className={fit.select} value={at} onChange={(_e, data) => setAt(data.value)}>
              {cells.cells.map((c) => {
                const address = toA1(c.row, c.col);
                const preview = c.text.replace(/\s+/g, " ");
                return (
                  <option key={address} value={address}>
                    {`${address}  ${preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview}`}
                  </option>
                );
              })}
            </Select>
          </Field>
          <Switch
            label={t("singleChoice")}
            checked={single}
            onChange={(_e, data) => setSingle(data.checked)}
          />
          {cell && (
            <div className={styles.options} role="group" aria-label={t("optionsOf", { cell: at })}>
              {cell.options.map((o, i) => {
                const button = (
                  <ToggleButton
                    key={`${i}:${o.label}`}
                    size="small"
                    checked={o.marked}
                    disabledFocusable={!canWrite || tools.busy}
                    onClick={() => tick(o.label)}
                  >
                    {`${o.marked ? "☑" : "□"} ${o.label}`}
                  </ToggleButton>
                );
                return canWrite ? (
                  button
                ) : (
                  <Tooltip key={`${i}:${o.label}`} content={t("cannotWriteCells")} relationship="description">
                    {button}
                  </Tooltip>
                );
              })}
            </div>
          )}
        </>
      )}
    </div>
  );
}
