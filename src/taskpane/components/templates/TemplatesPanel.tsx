import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Template } from "../../../core/templates";
import { useTask } from "../../hooks/useTask";
import { useLanguage, useText } from "../../i18n";
import { IMPORT_TITLE, ImportWordForms } from "../import/ImportWordForms";
import { useSession } from "../../WorkbookSession";
import { ErrorMessage } from "../common/ErrorMessage";
import { useFeedback } from "../common/Feedback";
import { Notice } from "../common/Notice";
import { ProgressNote } from "../common/ProgressNote";
import { FormFiller } from "./FormFiller";
import { ListBuilder } from "./ListBuilder";
import { TemplateGallery } from "./TemplateGallery";
import { TickHelper } from "./TickHelper";
import type { TemplateTools } from "./tools";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The 表格 tab: the official tables to insert blank, the two ways to fill them from what the workbook holds
 * (list rows into forms, forms into a list), and the 勾选 helper for □ groups. The one message area and progress
 * indicator at the top serve all of them.
 */
export function TemplatesPanel() {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const session = useSession();
  const task = useTask();
  const feedback = useFeedback();
  const canInsert = Boolean(session.port) && session.capabilities?.insertSheet !== false;

  const inserted = (names: readonly string[]) => {
    feedback.notify({
      key: "inserted",
      title:
        names.length === 1
          ? t("sheetInserted", { name: names[0] ?? "" })
          : t("sheetsInserted", { count: names.length, names: names.join(t("listSeparator")) }),
    });
    void task.run("loadingSheets", () => session.refreshSheets({ follow: false }));
  };

  const tools: TemplateTools = {
    port: session.port,
    sheet: session.sheet,
    busy: task.busy,
    canInsert,
    run: (activity, work) => task.run(activity, work),
    ownWork: session.ownWork,
    inserted,
  };

  const insertBlank = (template: Template) => {
    const port = session.port;
    if (!port) return;
    void tools
      .run("insertingSheet", () => session.ownWork(() => port.insertSheet(template.build())))
      .then((name) => {
        if (name) inserted([name]);
      });
  };

  return (
    <div className={styles.root}>
      <ProgressNote show={task.progress} activity={task.activity} />
      <ErrorMessage error={task.error} onDismiss={task.clearError} />
      {session.port && !canInsert && <Notice intent="warning">{t("cannotInsert")}</Notice>}
      <Accordion multiple collapsible defaultOpenItems={["gallery"]}>
        <AccordionItem value="gallery">
          <AccordionHeader as="h2">{t("galleryTitle")}</AccordionHeader>
          <AccordionPanel className={styles.section}>
            <Caption1 className={styles.muted}>{t("galleryHint")}</Caption1>
            <TemplateGallery onInsert={canInsert ? insertBlank : undefined} busy={task.busy} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="forms">
          <AccordionHeader as="h2">{t("fillFormsTitle")}</AccordionHeader>
          <AccordionPanel className={styles.section}>
            <FormFiller tools={tools} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="list">
          <AccordionHeader as="h2">{t("buildListTitle")}</AccordionHeader>
          <AccordionPanel className={styles.section}>
            <ListBuilder tools={tools} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="import-word">
          <AccordionHeader as="h2">{IMPORT_TITLE[lang]}</AccordionHeader>
          <AccordionPanel className={styles.section}>
            <ImportWordForms tools={tools} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="tick">
          <AccordionHeader as="h2">{t("tickTitle")}</AccordionHeader>
          <AccordionPanel className={styles.section}>
            <TickHelper tools={tools} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
