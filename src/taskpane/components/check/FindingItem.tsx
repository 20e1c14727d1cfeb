import { Badge, Body1, Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../../core/findings";
import { toA1 } from "../../../core/grid/a1";
import { wordPlaceOf } from "../../../adapters/docx/places";
import { usePort } from "../../PortContext";
import { useLanguage, useText } from "../../i18n";
import { BADGE_COLOR, SEVERITY_LABEL } from "./SeverityCounts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // The cell button is how a keyboard user moves through the findings: its focus ring must be unmistakable.
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
      textDecorationLine: "none",
    },
  },
  spacer: { flexGrow: 1 },
  clause: { color: tokens.colorNeutralForeground3 },
});

/**
 * One finding: its cell (choosing it selects the cell in the workbook), severity, message and clause, and 忽略
 * for the findings that are marked (errors and warnings).
 */
export function FindingItem(props: {
  finding: Finding;
  onSelect: (finding: Finding) => void;
  onIgnore?: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { finding } = props;
  const cell = toA1(finding.row, finding.col);
  // A Word form opened in file mode: where the finding is in the document (issue 16).
  const place = wordPlaceOf(usePort(), finding.sheet, finding.row, finding.col);
  return (
    <li className={styles.root}>
      <div className={styles.top}>
        <Link
          as="button"
          className={styles.cell}
          aria-label={t("selectCell", { cell })}
          onClick={() => props.onSelect(finding)}
        >
          {cell}
        </Link>
        <Badge size="small" appearance="tint" color={BADGE_COLOR[finding.severity]}>
          {t(SEVERITY_LABEL[finding.severity])}
        </Badge>
        <span className={styles.spacer} />
        {props.onIgnore && finding.severity !== "info" && (
          <Button
            size="small"
            appearance="subtle"
            aria-label={t("ignoreFinding", { cell })}
            onClick={() => props.onIgnore?.(finding)}
          >
            {t("ignore")}
          </Button>
        )}
      </div>
      {place && <Caption1 className={styles.clause}>{place.text[lang]}</Caption1>}
      <Body1>{finding.message[lang]}</Body1>
      {finding.clause !== "" && <Caption1 className={styles.clause}>{finding.clause}</Caption1>}
    </li>
  );
}
