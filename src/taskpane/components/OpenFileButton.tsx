import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import { ACCEPTED_FILES, isScannedName } from "../../adapters/xlsx/extensions";
import { useText } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  // The native input does the work but is hidden; the Fluent button is what people see and tab to.
  input: { display: "none" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Choice = { kind: "opened"; name: string } | { kind: "rejected"; name: string } | null;

/** 打开文件: picks a workbook or Word form from disk and hands it to the owner. */
export function OpenFileButton(props: { onOpenFile?: (file: File) => void }) {
  const styles = useStyles();
  const t = useText();
  const input = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState<Choice>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so choosing the same file again (after editing it elsewhere) fires change again.
    event.target.value = "";
    if (!file) return;
    if (!isScannedName(file.name)) {
      setChoice({ kind: "rejected", name: file.name });
      return;
    }
    setChoice({ kind: "opened", name: file.name });
    props.onOpenFile?.(file);
  };

  return (
    <div className={styles.root}>
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {t("openFile")}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={ACCEPTED_FILES}
        tabIndex={-1}
        aria-hidden="true"
        onChange={onChange}
      />
      <div role="status">
        {choice?.kind === "opened" && <Caption1>{t("openedFile", { name: choice.name })}</Caption1>}
        {choice?.kind === "rejected" && (
          <Caption1 className={styles.error}>{t("notXlsx", { name: choice.name })}</Caption1>
        )}
      </div>
    </div>
  );
}
