import { Body1, Button, Caption1, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import { toA1 } from "../../../core/grid/a1";
import { LIST_COLUMNS } from "../../../core/recognise/columns";
import { useLanguage } from "../../i18n";
import { Notice } from "../common/Notice";
import type { TemplateTools } from "../templates/tools";
import type { AppendPlan, WordForm } from "./plan";
import { SOURCE_COLUMN_HEADER } from "./source-column";

// The reader (zip, XML, the engine's checks) loads when forms are picked, not with the pane.
const loadPlan = () => import(/* webpackChunkName: "import-word" */ "./plan");

/** How many forms a plan appends when nothing is overwritten (as plan.ts counts it; kept here for the first paint). */
function appendedWithoutOverwrite(plan: AppendPlan): number {
  const blocked = new Set(plan.blocked);
  return plan.rows.filter((r) => !blocked.has(r) && !plan.conflicts.some((c) => c.row === r)).length;
}

type Lang = "zh" | "en";

/** The section's title, for the 表格 tab's accordion. */
export const IMPORT_TITLE = { zh: "导入 Word 申报表", en: "Import Word forms" } as const;

// The words of this section, zh-CN and en, kept beside it (the pane's catalogue is shared by other work).
const TEXT = {
  hint: {
    zh: "选择一个或多个 Word 申报表（.docx）：逐份校验后，追加到当前的汇总表/推荐表，或各插入为一张申报表工作表。Word 文件不会被修改。",
    en: "Pick one or more Word application forms (.docx): each is checked, then appended to the open summary/recommendation list or inserted as an application-form sheet each. The Word files are not modified.",
  },
  pick: { zh: "选择 Word 申报表…", en: "Choose Word forms…" },
  read: (n: number) => ({ zh: `已读取 ${n} 份文件：`, en: `${n} file${n === 1 ? "" : "s"} read:` }),
  counts: (e: number, w: number) => ({ zh: `错误 ${e}，提醒 ${w}`, en: `${e} errors, ${w} warnings` }),
  cannot: { zh: "无法读取：", en: "Cannot be read: " },
  how: { zh: "导入方式", en: "How to import" },
  append: (sheet: string) => ({
    zh: `追加为当前工作表“${sheet}”的行（按列名对应；来源文件写在“${SOURCE_COLUMN_HEADER}”列）`,
    en: `Append as rows of the current sheet “${sheet}” (columns matched by name; the source file in “${SOURCE_COLUMN_HEADER}”)`,
  }),
  insert: {
    zh: "每份插入为一张申报表工作表（以文件名命名）",
    en: "Insert each as an application-form sheet (named after its file)",
  },
  run: { zh: "导入", en: "Import" },
  notList: (sheet: string) => ({
    zh: `当前工作表“${sheet}”不是汇总表或推荐表（找不到“项目名称”等表头），无法追加。请先切换到汇总表/推荐表，或选择“插入为申报表工作表”。`,
    en: `The current sheet “${sheet}” is not a summary or recommendation list (no 项目名称 header); nothing can be appended. Switch to the list first, or insert the forms as sheets.`,
  }),
  noForms: { zh: "没有可导入的申报表。", en: "There is no form to import." },
  conflicts: (n: number, cells: string, fit: number, all: number) => ({
    zh: `导入会改动 ${n} 个已有内容的单元格（${cells}）。选择“覆盖”写入全部 ${all} 份；选择“不覆盖”只写入不改动已有内容的 ${fit} 份。`,
    en: `Importing would change ${n} cell${n === 1 ? "" : "s"} that already hold something (${cells}). “Overwrite” writes all ${all} forms; “Keep” writes only the ${fit} that change nothing.`,
  }),
  overwrite: { zh: "覆盖", en: "Overwrite" },
  keep: { zh: "不覆盖", en: "Keep" },
  cancel: { zh: "取消", en: "Cancel" },
  appended: (n: number, sheet: string) => ({
    zh: `已将 ${n} 份申报表追加到“${sheet}”。`,
    en: `${n} form${n === 1 ? "" : "s"} appended to “${sheet}”.`,
  }),
  unmatched: (cols: string) => ({
    zh: `表中没有这些列，对应内容未导入：${cols}。`,
    en: `The list has no column for ${cols}; those values were not imported.`,
  }),
  noPort: { zh: "请先打开工作簿。", en: "Open a workbook first." },
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  input: { display: "none" },
  forms: { listStyleType: "none", margin: 0, padding: 0, overflowWrap: "anywhere" },
  form: { padding: `${tokens.spacingVerticalXXS} 0` },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Mode = "append" | "insert";

/**
 * 导入 Word 申报表: the user picks .docx forms; each is read and checked with the engine; they are appended as rows to
 * the open 汇总表/推荐表 (asking before any non-empty cell is changed) or inserted as filled 申报表 sheets.
 */
export function ImportWordForms(props: { tools: TemplateTools }) {
  const styles = useStyles();
  const { lang } = useLanguage() as { lang: Lang };
  const { tools } = props;
  const input = useRef<HTMLInputElement>(null);
  const [forms, setForms] = useState<WordForm[] | null>(null);
  const [mode, setMode] = useState<Mode>("append");
  const [pending, setPending] = useState<AppendPlan | null>(null);
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(
    null,
  );
  const ok = (forms ?? []).filter((f): f is Extract<WordForm, { ok: true }> => f.ok);
  const sheet = tools.sheet;

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    if (files.length === 0) return;
    setMessage(null);
    setPending(null);
    void tools.run("readingForms", async () => {
      const { readWordForms } = await loadPlan();
      const read = await readWordForms(
        await Promise.all(
          files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
        ),
      );
      setForms(read);
    });
  };

  const write = (plan: AppendPlan, overwrite: boolean) => {
    const port = tools.port;
    if (!port?.writeCells || !sheet) return;
    setPending(null);
    const count = overwrite ? plan.rows.length : appendedWithoutOverwrite(plan);
    void tools
      .run("writingCell", async () => {
        const { withoutConflicts } = await loadPlan();
        const writes = overwrite ? plan.writes : withoutConflicts(plan);
        await tools.ownWork(() => port.writeCells?.(sheet, writes) ?? Promise.resolve());
      })
      .then(() => {
        const parts = [TEXT.appended(count, sheet)[lang]];
        const names = plan.unmatched.map((k) => LIST_COLUMNS.find((c) => c.key === k)?.aliases[0] ?? k);
        if (names.length > 0) parts.push(TEXT.unmatched(names.join("、"))[lang]);
        setMessage({ intent: "success", text: parts.join(" ") });
      });
  };

  const importForms = () => {
    const port = tools.port;
    if (!port) {
      setMessage({ intent: "error", text: TEXT.noPort[lang] });
      return;
    }
    setMessage(null);
    if (mode === "insert") {
      void tools
        .run("insertingSheet", async () => {
          const { formSheetLayout } = await loadPlan();
          const names: string[] = [];
          for (const form of ok)
            names.push(await tools.ownWork(() => port.insertSheet(formSheetLayout(form))));
          return names;
        })
        .then((names) => {
          if (names && names.length > 0) tools.inserted(names);
        });
      return;
    }
    if (!sheet) return;
    void tools
      .run("readingForms", async () => {
        const { planAppend } = await loadPlan();
        return planAppend(await port.readSheet(sheet), ok);
      })
      .then((plan) => {
        if (plan === undefined) return;
        if (plan === "not-a-list") setMessage({ intent: "error", text: TEXT.notList(sheet)[lang] });
        else if (plan === "no-forms") setMessage({ intent: "error", text: TEXT.noForms[lang] });
        else if (plan.conflicts.length > 0 || plan.blocked.length > 0) setPending(plan);
        else write(plan, false);
      });
  };

  const canAppend = Boolean(tools.port?.writeCells) && sheet !== null;

  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{TEXT.hint[lang]}</Caption1>
      <div className={styles.actions}>
        <Button onClick={() => input.current?.click()} disabled={tools.busy}>
          {TEXT.pick[lang]}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onChange}
      />
      {forms && (
        <>
          <Body1>{TEXT.read(forms.length)[lang]}</Body1>
          <ul className={styles.forms}>
            {forms.map((f) => (
              <li key={f.file} className={styles.form}>
                {f.ok ? (
                  <Caption1>
                    {f.file} · {TEXT.counts(f.counts.error, f.counts.warning)[lang]}
                  </Caption1>
                ) : (
                  <Caption1 className={styles.bad}>
                    {f.file} · {TEXT.cannot[lang]}
                    {f.message[lang]}
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
          <RadioGroup
            value={mode}
            onChange={(_e, data) => setMode(data.value as Mode)}
            aria-label={TEXT.how[lang]}
          >
            <Radio value="append" label={TEXT.append(sheet ?? "")[lang]} disabled={!canAppend} />
            <Radio value="insert" label={TEXT.insert[lang]} disabled={!tools.canInsert} />
          </RadioGroup>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={importForms}
              disabled={tools.busy || ok.length === 0 || (mode === "append" ? !canAppend : !tools.canInsert)}
            >
              {TEXT.run[lang]}
            </Button>
          </div>
        </>
      )}
      {pending && (
        <Notice intent="warning">
          <div className={styles.root} role="alertdialog" aria-label={TEXT.overwrite[lang]}>
            <Body1>
              {
                TEXT.conflicts(
                  pending.conflicts.length,
                  pending.conflicts
                    .slice(0, 5)
                    .map((c) => `${toA1(c.row, c.col)}“${c.was}”`)
                    .join("、") + (pending.conflicts.length > 5 ? "…" : ""),
                  appendedWithoutOverwrite(pending),
                  pending.rows.length,
                )[lang]
              }
            </Body1>
            <div className={styles.actions}>
              <Button onClick={() => write(pending, true)}>{TEXT.overwrite[lang]}</Button>
              <Button appearance="primary" onClick={() => write(pending, false)}>
                {TEXT.keep[lang]}
              </Button>
              <Button onClick={() => setPending(null)}>{TEXT.cancel[lang]}</Button>
            </div>
          </div>
        </Notice>
      )}
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
    </div>
  );
}
