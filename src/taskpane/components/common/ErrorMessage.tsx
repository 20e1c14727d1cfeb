import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { describeError } from "../../errors";
import { useLanguage, useText, type TextKey } from "../../i18n";

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalS },
});

/** A failure from the workbook, in words, with a way to dismiss it. Renders nothing when there is none. */
export function ErrorMessage(props: {
  error: unknown;
  onDismiss?: () => void;
  title?: TextKey;
  intent?: "error" | "warning";
}) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  if (props.error === null || props.error === undefined) return null;
  return (
    <MessageBar intent={props.intent ?? "error"} layout="multiline" className={styles.root}>
      <MessageBarBody>
        <MessageBarTitle>{t(props.title ?? "errorTitle")}</MessageBarTitle>
        {describeError(props.error, lang)}
      </MessageBarBody>
      {props.onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={props.onDismiss}>
            {t("dismiss")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
