import { Badge, Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { PaneMode } from "../host";
import { useText } from "../i18n";
import { LanguageToggle } from "./LanguageToggle";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0 },
  mode: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** The top of the pane: product name, the mode it runs in, and the language switch. */
export function PaneHeader(props: { mode: PaneMode }) {
  const styles = useStyles();
  const t = useText();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {t("productName")}
        </Title3>
        <div className={styles.mode}>
          <Caption1>{t("modeLabel")}</Caption1>
          <Badge appearance="tint" color={props.mode === "excel" ? "success" : "informative"}>
            {props.mode === "excel" ? t("modeExcel") : t("modeFile")}
          </Badge>
        </div>
      </div>
      <LanguageToggle />
    </header>
  );
}
