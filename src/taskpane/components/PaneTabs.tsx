import { makeStyles, Tab, TabList, tokens, type SelectTabData } from "@fluentui/react-components";
import { useId, useState } from "react";
import { useText, type TextKey } from "../i18n";
import { PlaceholderPanel } from "./PlaceholderPanel";

/** The pane's three areas, in the order of the tabs. */
export type PaneTab = "check" | "stats" | "templates";

const TABS: readonly { value: PaneTab; label: TextKey; placeholder: TextKey }[] = [
  { value: "check", label: "tabCheck", placeholder: "checkPlaceholder" },
  { value: "stats", label: "tabStats", placeholder: "statsPlaceholder" },
  { value: "templates", label: "tabTemplates", placeholder: "templatesPlaceholder" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1 },
  tabs: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  panel: { padding: tokens.spacingHorizontalM, overflowY: "auto", flexGrow: 1 },
});

/** 校验 / 统计 / 表格: the tab strip and the body of the chosen tab. */
export function PaneTabs() {
  const styles = useStyles();
  const t = useText();
  const [selected, setSelected] = useState<PaneTab>("check");
  const idPrefix = useId();
  const current = TABS.find((tab) => tab.value === selected) ?? TABS[0]!;

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_event, data: SelectTabData) => setSelected(data.value as PaneTab)}
        aria-label={t("tabsLabel")}
      >
        {TABS.map((tab) => (
          <Tab
            key={tab.value}
            value={tab.value}
            id={`${idPrefix}-tab-${tab.value}`}
            aria-controls={`${idPrefix}-panel-${tab.value}`}
          >
            {t(tab.label)}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={`${idPrefix}-panel-${current.value}`}
        aria-labelledby={`${idPrefix}-tab-${current.value}`}
        className={styles.panel}
      >
        <PlaceholderPanel text={t(current.placeholder)} />
      </div>
    </div>
  );
}
