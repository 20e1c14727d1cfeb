import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { IgnoreEntry } from "../../../core/check-types";
import type { Finding } from "../../../core/findings";
import { toA1 } from "../../../core/grid/a1";
import { useLanguage, useText } from "../../i18n";
import { ruleTitle } from "../../../core/messages/rule-titles";

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalL },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * 已忽略: the sheet's ignored findings with the reasons given, each restorable. The message is shown when the
 * last check still found the problem; an ignore whose problem has gone is listed by its rule alone.
 */
export function IgnoredList(props: {
  entries: readonly IgnoreEntry[];
  findings: readonly Finding[];
  onRestore: (entry: IgnoreEntry) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  if (props.entries.length === 0) return null;
  const messageOf = (entry: IgnoreEntry) =>
    props.findings.find((f) => f.rule === entry.rule && toA1(f.row, f.col) === entry.cell)?.message[lang];
  return (
    <section className={styles.root} aria-label={t("ignoredTitle")}>
      <Subtitle2 as="h2">{t("ignoredTitle")}</Subtitle2>
      <ul className={styles.list}>
        {props.entries.map((entry) => (
          <li key={`${entry.rule}:${entry.cell}`} className={styles.item}>
            <div className={styles.top}>
              <span className={styles.cell}>{entry.cell}</span>
              <Caption1>{ruleTitle(entry.rule, lang)}</Caption1>
              <span className={styles.spacer} />
              <Button
                size="small"
                appearance="subtle"
                disabled={props.disabled}
                aria-label={t("restoreFinding", { cell: entry.cell })}
                onClick={() => props.onRestore(entry)}
              >
                {t("restore")}
              </Button>
            </div>
            {messageOf(entry) && <Body1 className={styles.muted}>{messageOf(entry)}</Body1>}
            <Body1>
              {t("ignoredReason", { reason: entry.reason === "" ? t("noReason") : entry.reason })}
            </Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
