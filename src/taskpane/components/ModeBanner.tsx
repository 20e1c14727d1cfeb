import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useText } from "../i18n";
import { OpenFileButton } from "./OpenFileButton";

const useStyles = makeStyles({
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { paddingBottom: tokens.spacingVerticalS },
});

/** Shown outside Excel: says the pane is in file mode and offers to open a workbook or Word form. */
export function ModeBanner(props: { onOpenFile?: (file: File) => void }) {
  const styles = useStyles();
  const t = useText();
  return (
    <MessageBar intent="info" layout="multiline" className={styles.banner}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t("fileModeTitle")}</MessageBarTitle>
        <span>{t("fileModeBody")}</span>
        <div className={styles.actions}>
          <OpenFileButton onOpenFile={props.onOpenFile} />
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
