import { Button, Field, makeStyles, mergeClasses, Select, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useText } from "../i18n";
import { useTask } from "../hooks/useTask";
import { useSession } from "../WorkbookSession";
import { ErrorMessage } from "./common/ErrorMessage";
import { useFitStyles } from "./common/fit";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/** 工作表: which sheet the tabs work on (the active one unless chosen here), and a button to look again. */
export function SheetPicker() {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const session = useSession();
  const task = useTask();
  const id = useId();
  if (!session.port) return null;
  return (
    <div>
      <div className={styles.root}>
        <Field label={t("sheetLabel")} className={mergeClasses(styles.field, fit.field)}>
          <Select
            className={fit.select}
            id={id}
            value={session.sheet ?? ""}
            onChange={(_e, data) => session.chooseSheet(data.value)}
            disabled={session.sheets.length === 0}
          >
            {session.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.active ? t("sheetActive", { name: s.name }) : s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void task.run("loadingSheets", () => session.refreshSheets())}>
          {t("refreshSheets")}
        </Button>
      </div>
      <ErrorMessage error={task.error} onDismiss={task.clearError} />
    </div>
  );
}
