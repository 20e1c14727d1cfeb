import { Body1Strong, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { LEVEL_NAMES, TABLE_NAMES, type PackId } from "../../../core/packs/types";
import { packName } from "../../../core/packs/registry";
import { allTemplates, type Template } from "../../../core/templates";
import { useLanguage, useText } from "../../i18n";
import { TemplatePreview } from "./TemplatePreview";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  line: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The templates by notice, in the notices' order of attachments. */
export function groupByNotice(templates: readonly Template[]): { policy: PackId; templates: Template[] }[] {
  const groups: { policy: PackId; templates: Template[] }[] = [];
  for (const template of templates) {
    const group = groups.find((g) => g.policy === template.policy);
    if (group) group.templates.push(template);
    else groups.push({ policy: template.policy, templates: [template] });
  }
  return groups;
}

function TemplateCard(props: { template: Template; onInsert?: (template: Template) => void; busy: boolean }) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { template } = props;
  const layout = useMemo(() => template.build(), [template]);
  const facts = [template.attachment, TABLE_NAMES[template.table][lang]];
  if (template.level) facts.push(LEVEL_NAMES[template.level][lang]);
  return (
    <li className={styles.card}>
      <Body1Strong>{template.title}</Body1Strong>
      <div className={styles.line}>
        <Caption1 className={styles.muted}>{facts.join(" · ")}</Caption1>
        <Button
          size="small"
          appearance="primary"
          disabled={!props.onInsert || props.busy}
          aria-label={t("insertTemplateNamed", { title: `${template.attachment} ${template.title}` })}
          onClick={() => props.onInsert?.(template)}
        >
          {t("insert")}
        </Button>
      </div>
      <TemplatePreview layout={layout} label={t("previewOf", { title: template.title })} />
    </li>
  );
}

/** 插入表格: every official table, grouped by notice, each with a preview and 插入 (a new sheet, blank). */
export function TemplateGallery(props: { onInsert?: (template: Template) => void; busy: boolean }) {
  const styles = useStyles();
  const { lang } = useLanguage();
  return (
    <>
      {groupByNotice(allTemplates()).map((group) => (
        <section key={group.policy} className={styles.group} aria-label={packName(group.policy)[lang]}>
          <Subtitle2 as="h3">{packName(group.policy)[lang]}</Subtitle2>
          <ul className={styles.list}>
            {group.templates.map((template) => (
              <TemplateCard
                key={template.id}
                template={template}
                onInsert={props.onInsert}
                busy={props.busy}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
