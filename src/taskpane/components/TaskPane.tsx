import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../../core/port";
import type { HostInfo } from "../host";
import { htmlLang, LanguageProvider, type Lang } from "../i18n";
import { PortContext } from "../PortContext";
import { WorkbookSessionProvider } from "../WorkbookSession";
import { CheckOnOpenContext, CheckRequestContext, type CheckNow } from "../file/check-on-open";
import { FeedbackProvider } from "./common/Feedback";
import { ModeBanner } from "./ModeBanner";
import { PaneHeader } from "./PaneHeader";
import { PaneTabs } from "./PaneTabs";
import { PacksSection } from "../packs/PacksSection";

// Excel's own sections use the Office adapter: a chunk loaded in Excel mode only (the file mode never needs it).
const ExcelSections = lazy(() =>
  import(/* webpackChunkName: "excel-sections" */ "./settings/ExcelSections").then((m) => ({
    default: m.ExcelSections,
  })),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
});

export interface TaskPaneProps {
  host: HostInfo;
  /** The workbook to work on; null in file mode until a file has been opened. */
  port?: WorkbookPort | null;
  /** Called with the file (workbook or Word form) chosen in file mode. */
  onOpenFile?: (file: File) => void;
  /** File mode's own banner (open, download, the selected cell), shown instead of the plain one. */
  fileBanner?: ReactNode;
  /** Check and mark the port's sheet as soon as it is recognised (every workbook file mode opens). */
  checkOnOpen?: boolean;
  /** Start the 自检 at once (the address has `?selftest`); default: from the page's address. */
  selfTest?: boolean;
  /** Shown instead of the tabs (file mode's whole-folder check); the tabs stay mounted behind it. */
  replaceTabs?: ReactNode;
}

/** The whole task pane: theme, language, the workbook port, header, file-mode banner and tabs. */
export function TaskPane(props: TaskPaneProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(props.host.lang);
  const checkNow = useRef<CheckNow | null>(null);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  return (
    // The layout class sits on an inner element: FluentProvider copies its own className onto the portal nodes of
    // dialogs and tooltips, and a full-height flex column there would cover the pane with an empty layer.
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <LanguageProvider lang={lang} onChange={setLang}>
          <FeedbackProvider>
            <PortContext.Provider value={props.port ?? null}>
              <WorkbookSessionProvider>
                <CheckRequestContext.Provider value={checkNow}>
                  <PaneHeader mode={props.host.mode} />
                  {props.host.mode === "file" &&
                    (props.fileBanner ?? <ModeBanner onOpenFile={props.onOpenFile} />)}
                  <CheckOnOpenContext.Provider value={props.checkOnOpen ? (props.port ?? null) : null}>
                    <main>
                      {props.replaceTabs}
                      <div hidden={props.replaceTabs !== undefined}>
                        <PaneTabs mode={props.host.mode} />
                      </div>
                    </main>
                    <PacksSection />
                    {props.host.mode === "excel" && (
                      <Suspense fallback={null}>
                        <ExcelSections selfTest={props.selfTest} />
                      </Suspense>
                    )}
                  </CheckOnOpenContext.Provider>
                </CheckRequestContext.Provider>
              </WorkbookSessionProvider>
            </PortContext.Provider>
          </FeedbackProvider>
        </LanguageProvider>
      </div>
    </FluentProvider>
  );
}
