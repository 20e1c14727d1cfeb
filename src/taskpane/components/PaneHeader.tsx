import { Badge, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { PaneMode } from "../host";
import { useText } from "../i18n";
import { LanguageToggle } from "./LanguageToggle";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // One line: name, mode, language. At 320 px every line above the findings is a line less of them.
  titles: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
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
        <Subtitle1 as="h1" className={styles.title}>
          {t("productName")}
        </Subtitle1>
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
