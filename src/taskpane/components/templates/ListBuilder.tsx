import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { packName } from "../../../core/packs/registry";
import {
  allTemplates,
  buildListFromForms,
  readApplicationForms,
  type ApplicationForm,
} from "../../../core/templates";
import { useLanguage, useText } from "../../i18n";
import { Notice } from "../common/Notice";
import type { TemplateTools } from "./tools";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  forms: { listStyleType: "none", margin: 0, padding: 0, overflowWrap: "anywhere" },
  form: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface FormChoice {
  form: ApplicationForm;
  title: string;
  key: boolean;
}

function titleOf(form: ApplicationForm): string {
  const titleKey = allTemplates().find((t) => t.policy === form.policy && t.form)?.form?.binding.titleKey;
  return (titleKey && form.fields[titleKey]) || form.sheet;
}

/**
 * 填充 (b): the application forms found in the workbook become a 推荐表 or 汇总表, in the order shown here (the
 * recommender's ranking), 重点推荐 where ticked, with the 15% quota hint as the choice changes.
 */
export function ListBuilder(props: { tools: TemplateTools }) {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { tools } = props;
  const [forms, setForms] = useState<FormChoice[] | null>(null);
  // The running packs' list templates: packs added in the pane bring theirs.
  const listTemplates = allTemplates().filter((t) => t.list);
  const [templateId, setTemplateId] = useState(listTemplates[0]?.id ?? "");
  const template = listTemplates.find((l) => l.id === templateId);
  const ours = useMemo(
    () => (forms ?? []).filter((f) => f.form.policy === template?.policy),
    [forms, template],
  );
  const ranked = useMemo(
    () => ours.map((f, i) => ({ ...f.form, rank: i + 1, keyRecommended: f.key })),
    [ours],
  );
  const built = useMemo(
    () => (template && ranked.length > 0 ? buildListFromForms(template.id, ranked) : null),
    [template, ranked],
  );

  const read = () => {
    const port = tools.port;
    if (!port) return;
    void tools.run("readingForms", async () => {
      const sheets = await port.listSheets();
      const grids = [];
      for (const s of sheets) grids.push(await port.readSheet(s.name));
      const found = readApplicationForms(grids).map((form) => ({ form, title: titleOf(form), key: false }));
      const first = found[0];
      const match = first && listTemplates.find((l) => l.policy === first.form.policy);
      if (match) setTemplateId(match.id);
      setForms(found);
    });
  };

  const move = (index: number, by: -1 | 1) => {
    const target = ours[index];
    const other = ours[index + by];
    if (!forms || !target || !other) return;
    const next = [...forms];
    const a = next.indexOf(target);
    const b = next.indexOf(other);
    next[a] = other;
    next[b] = target;
    setForms(next);
  };

  const setKey = (choice: FormChoice, key: boolean) =>
    setForms((all) => (all ?? []).map((f) => (f === choice ? { ...f, key } : f)));

  const insert = () => {
    const port = tools.port;
    if (!port || !built) return;
    const layout = built.layout;
    void tools
      .run("insertingSheet", () => tools.ownWork(() => port.insertSheet(layout)))
      .then((name) => {
        if (name) tools.inserted([name]);
      });
  };

  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{t("buildListHint")}</Caption1>
      <div className={styles.actions}>
        <Button disabled={!tools.port || tools.busy} onClick={read}>
          {t("readForms")}
        </Button>
      </div>
      {forms && (
        <Field label={t("listTemplate")} className={fit.field}>
          <Select
            className={fit.select}
            value={templateId}
            onChange={(_e, data) => setTemplateId(data.value)}
          >
            {listTemplates.map((l) => (
              <option key={l.id} value={l.id}>
                {`${packName(l.policy)[lang]} · ${l.attachment} ${l.title}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {forms && ours.length === 0 && <Caption1>{t("noForms")}</Caption1>}
      {ours.length > 0 && (
        <ol className={styles.forms} aria-label={t("formsInOrder")}>
          {ours.map((f, i) => (
            <li key={f.form.sheet} className={styles.form}>
              <Body1>{t("formLine", { rank: i + 1, title: f.title })}</Body1>
              <div className={styles.line}>
                {template?.list?.keyColumn && (
                  <Checkbox
                    label={t("keyRecommended")}
                    checked={f.key}
                    onChange={(_e, d) => setKey(f, d.checked === true)}
                  />
                )}
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t("moveUp", { title: f.title })}
                >
                  {t("up")}
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={i === ours.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t("moveDown", { title: f.title })}
                >
                  {t("down")}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {built?.hints.map((hint, i) => (
        <Notice key={i} intent={hint.severity === "warning" ? "warning" : "info"}>
          {hint.message[lang]}
        </Notice>
      ))}
      {built && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!tools.canInsert || tools.busy} onClick={insert}>
            {t("insertList", { title: template?.title ?? "" })}
          </Button>
        </div>
      )}
    </div>
  );
}
