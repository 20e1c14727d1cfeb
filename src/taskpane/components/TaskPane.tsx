import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../../core/port";
import type { HostInfo } from "../host";
import { htmlLang, LanguageProvider, type Lang } from "../i18n";
import { PortContext } from "../PortContext";
import { WorkbookSessionProvider } from "../WorkbookSession";
import { CheckOnOpenContext } from "../file/check-on-open";
import { ModeBanner } from "./ModeBanner";
import { PaneHeader } from "./PaneHeader";
import { PaneTabs } from "./PaneTabs";
import { SelfTestSection, wantsSelfTest } from "./settings/SelfTest";
import { StrayMarksSection } from "./settings/StrayMarks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
});

export interface TaskPaneProps {
  host: HostInfo;
  /** The workbook to work on; null in file mode until a file has been opened. */
  port?: WorkbookPort | null;
  /** Called with the xlsx file chosen in file mode. */
  onOpenFile?: (file: File) => void;
  /** File mode's own banner (open, download, the selected cell), shown instead of the plain one. */
  fileBanner?: ReactNode;
  /** Check and mark the port's sheet as soon as it is recognised (file mode's bundled example). */
  checkOnOpen?: boolean;
  /** Start the 自检 at once (the address has `?selftest`); default: from the page's address. */
  selfTest?: boolean;
}

/** The whole task pane: theme, language, the workbook port, header, file-mode banner and tabs. */
export function TaskPane(props: TaskPaneProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(props.host.lang);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  return (
    // The layout class sits on an inner element: FluentProvider copies its own className onto the portal nodes of
    // dialogs and tooltips, and a full-height flex column there would cover the pane with an empty layer.
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <LanguageProvider lang={lang} onChange={setLang}>
          <PortContext.Provider value={props.port ?? null}>
            <PaneHeader mode={props.host.mode} />
            {props.host.mode === "file" && (props.fileBanner ?? <ModeBanner onOpenFile={props.onOpenFile} />)}
            <WorkbookSessionProvider>
              <CheckOnOpenContext.Provider value={props.checkOnOpen ? (props.port ?? null) : null}>
                <main>
                  <PaneTabs mode={props.host.mode} />
                </main>
                {props.host.mode === "excel" && <StrayMarksSection />}
                {props.host.mode === "excel" && (
                  <SelfTestSection
                    autoStart={props.selfTest ?? wantsSelfTest(globalThis.location?.search ?? "")}
                  />
                )}
              </CheckOnOpenContext.Provider>
            </WorkbookSessionProvider>
          </PortContext.Provider>
        </LanguageProvider>
      </div>
    </FluentProvider>
  );
}
