import { makeStyles, Spinner, Tab, TabList, tokens, type SelectTabData } from "@fluentui/react-components";
import { lazy, Suspense, useId, useState, type ReactNode } from "react";
import type { PaneMode } from "../host";
import { useText, type TextKey } from "../i18n";
import { CheckPanel } from "./check/CheckPanel";
import { SheetPicker } from "./SheetPicker";
import { WorkbookNotices } from "./WorkbookNotices";
import { useSession } from "../WorkbookSession";
import { loadEngine } from "../engine-loader";

// 统计 and 表格 are chunks of their own, loaded when their tab is first chosen (issue 15): the pane opens on 校验, and
// the rankings, the quota tables and the template gallery with its drawings are a third of the script otherwise.
// Both use the engine's pack registry, which builds every pack's rules as it loads; in file mode the page has not
// loaded it yet, so it is loaded first, on its own: its start-up and the tab's are two tasks, not one long one.
const StatsPanel = lazy(() =>
  loadEngine()
    .then(() => import(/* webpackChunkName: "stats" */ "./stats/StatsPanel"))
    .then((m) => ({ default: m.StatsPanel })),
);
const TemplatesPanel = lazy(() =>
  loadEngine()
    .then(() => import(/* webpackChunkName: "templates" */ "./templates/TemplatesPanel"))
    .then((m) => ({ default: m.TemplatesPanel })),
);

/** The pane's three areas, in the order of the tabs. */
export type PaneTab = "check" | "stats" | "templates";

const TABS: readonly { value: PaneTab; label: TextKey }[] = [
  { value: "check", label: "tabCheck" },
  { value: "stats", label: "tabStats" },
  { value: "templates", label: "tabTemplates" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1 },
  tabs: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  top: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  panel: { padding: tokens.spacingHorizontalM, overflowY: "auto", flexGrow: 1, minWidth: 0 },
});

function panelOf(tab: PaneTab, active: boolean): ReactNode {
  switch (tab) {
    case "check":
      return <CheckPanel />;
    case "stats":
      return <StatsPanel active={active} />;
    case "templates":
      return <TemplatesPanel />;
  }
}

/**
 * 校验 / 统计 / 表格: the sheet the tabs work on, the tab strip and the tabs' bodies. A tab once shown stays mounted
 * (hidden when another is chosen) so its results survive switching tabs.
 */
export function PaneTabs(props: { mode: PaneMode }) {
  const styles = useStyles();
  const t = useText();
  const session = useSession();
  const [selected, setSelected] = useState<PaneTab>("check");
  const [visited, setVisited] = useState<ReadonlySet<PaneTab>>(new Set(["check"]));
  const idPrefix = useId();
  const hasWorkbook = session.port !== null;

  const choose = (tab: PaneTab) => {
    setSelected(tab);
    setVisited((v) => (v.has(tab) ? v : new Set([...v, tab])));
  };

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_event, data: SelectTabData) => choose(data.value as PaneTab)}
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
      <div className={styles.top}>
        <WorkbookNotices mode={props.mode} />
        <SheetPicker />
      </div>
      {TABS.map((tab) => {
        const current = tab.value === selected;
        // Without a workbook only the template gallery has something to show (previews); the others wait.
        const body = hasWorkbook || tab.value === "templates" ? panelOf(tab.value, current) : null;
        return (
          <div
            key={tab.value}
            role="tabpanel"
            id={`${idPrefix}-panel-${tab.value}`}
            aria-labelledby={`${idPrefix}-tab-${tab.value}`}
            className={styles.panel}
            hidden={!current}
          >
            {visited.has(tab.value) && (
              <Suspense fallback={<Spinner size="small" label={t("working")} />}>{body}</Suspense>
            )}
          </div>
        );
      })}
    </div>
  );
}
