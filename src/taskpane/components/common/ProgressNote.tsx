import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useText, type TextKey } from "../../i18n";

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} 0` },
});

/** The spinner shown while work takes longer than a moment; announced politely to screen readers. */
export function ProgressNote(props: { show: boolean; activity: TextKey | null }) {
  const styles = useStyles();
  const t = useText();
  if (!props.show) return null;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner size="tiny" labelPosition="after" label={t(props.activity ?? "working")} />
    </div>
  );
}
