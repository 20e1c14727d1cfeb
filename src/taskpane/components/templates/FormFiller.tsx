import { Button, Caption1, Checkbox, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { checkGrid } from "../../../core/check";
import { LIST_COLUMNS } from "../../../core/recognise/columns";
import { readList } from "../../../core/recognise/list";
import { cellText } from "../../../core/read/normalise";
import { packName } from "../../../core/packs/registry";
import { allTemplates, fillFormFromRecord, recordsFromGrid, type FormRecord } from "../../../core/templates";
import { useLanguage, useText } from "../../i18n";
import type { TemplateTools } from "./tools";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  rows: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "240px",
    overflowY: "auto",
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface ListRowChoice {
  row: number;
  title: string;
  record: FormRecord;
}

/** 填充 (a): rows of the list on the current sheet become application forms, one new sheet per chosen row. */
export function FormFiller(props: { tools: TemplateTools }) {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { tools } = props;
  const [rows, setRows] = useState<{ sheet: string; rows: ListRowChoice[] } | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  // The running packs' form templates: packs added in the pane bring theirs.
  const formTemplates = allTemplates().filter((t) => t.form);
  const [templateId, setTemplateId] = useState(formTemplates[0]?.id ?? "");

  const read = () => {
    const { port, sheet } = tools;
    if (!port || !sheet) return;
    void tools.run("readingList", async () => {
      const grid = await port.readSheet(sheet);
      const list = readList(grid, LIST_COLUMNS);
      const titleCol = list?.columns.get("title")?.col;
      const found = recordsFromGrid(grid)
        .map(({ row, record }) => ({
          row,
          record,
          title: titleCol === undefined ? "" : cellText(grid.cell(row, titleCol)),
        }))
        .filter((r) => r.title !== "");
      const policy = checkGrid(grid).policy;
      const match = formTemplates.find((f) => f.policy === policy);
      if (match) setTemplateId(match.id);
      setRows({ sheet, rows: found });
      setChosen(new Set(found.map((r) => r.row)));
    });
  };

  const generate = () => {
    const port = tools.port;
    if (!port || !rows) return;
    const picked = rows.rows.filter((r) => chosen.has(r.row));
    void tools
      .run("insertingSheet", async () => {
        const names: string[] = [];
        for (const r of picked) {
          // One sheet at a time: each insert needs the names the previous one took.
          const layout = fillFormFromRecord(templateId, r.record);
          names.push(await tools.ownWork(() => port.insertSheet(layout)));
        }
        return names;
      })
      .then((names) => {
        if (names) tools.inserted(names);
      });
  };

  const toggle = (row: number, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(row);
      else next.delete(row);
      return next;
    });

  const all = rows !== null && rows.rows.length > 0 && rows.rows.every((r) => chosen.has(r.row));
  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{t("fillFormsHint")}</Caption1>
      <div className={styles.actions}>
        <Button disabled={!tools.port || !tools.sheet || tools.busy} onClick={read}>
          {t("readListRows", { sheet: tools.sheet ?? "" })}
        </Button>
      </div>
      {rows && rows.rows.length === 0 && <Caption1>{t("noListRows", { sheet: rows.sheet })}</Caption1>}
      {rows && rows.rows.length > 0 && (
        <>
          <Field label={t("formTemplate")} className={fit.field}>
            <Select
              className={fit.select}
              value={templateId}
              onChange={(_e, data) => setTemplateId(data.value)}
            >
              {formTemplates.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${packName(f.policy)[lang]} · ${f.attachment} ${f.title}`}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label={t("chooseAllRows")}
            checked={all ? true : chosen.size > 0 ? "mixed" : false}
            onChange={(_e, data) =>
              setChosen(data.checked === true ? new Set(rows.rows.map((r) => r.row)) : new Set())
            }
          />
          <ul className={styles.rows}>
            {rows.rows.map((r) => (
              <li key={r.row}>
                <Checkbox
                  label={t("listRowLabel", { row: r.row + 1, title: r.title })}
                  checked={chosen.has(r.row)}
                  onChange={(_e, data) => toggle(r.row, data.checked === true)}
                />
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={chosen.size === 0 || !tools.canInsert || tools.busy}
              onClick={generate}
            >
              {t("makeForms", { count: chosen.size })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
