import { Badge, Body1Strong, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../../core/findings";
import { formatCount } from "../../format";
import { useText } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
const LABEL = { error: "severityError", warning: "severityWarning", info: "severityInfo" } as const;

/** The result in one line (how many errors and warnings) and a badge per severity. */
export function SeverityCounts(props: { counts: Record<Severity, number>; ignored: number }) {
  const styles = useStyles();
  const t = useText();
  const { error, warning } = props.counts;
  const headline =
    error + warning === 0
      ? t("resultClean")
      : t("resultProblems", { errors: formatCount(error), warnings: formatCount(warning) });
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Body1Strong>{headline}</Body1Strong>
      <div className={styles.badges}>
        {(["error", "warning", "info"] as const).map((severity) => (
          <Badge key={severity} appearance="tint" color={BADGE_COLOR[severity]}>
            {t(LABEL[severity])} {formatCount(props.counts[severity])}
          </Badge>
        ))}
        {props.ignored > 0 && (
          <Badge appearance="outline" color="subtle">
            {t("ignoredCount", { count: formatCount(props.ignored) })}
          </Badge>
        )}
      </div>
    </div>
  );
}

export { BADGE_COLOR, LABEL as SEVERITY_LABEL };
