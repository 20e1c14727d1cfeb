import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalS },
});

/** A short message in the pane: what happened, what is missing, what to do next. */
export function Notice(props: {
  intent: "info" | "success" | "warning" | "error";
  title?: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent={props.intent} layout="multiline" className={styles.root}>
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}
