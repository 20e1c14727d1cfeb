import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../../core/port";
import type { HostInfo } from "../host";
import { htmlLang, LanguageProvider, type Lang } from "../i18n";
import { PortContext } from "../PortContext";
import { WorkbookSessionProvider } from "../WorkbookSession";
import { ModeBanner } from "./ModeBanner";
import { PaneHeader } from "./PaneHeader";
import { PaneTabs } from "./PaneTabs";

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
}

/** The whole task pane: theme, language, the workbook port, header, file-mode banner and tabs. */
export function TaskPane(props: TaskPaneProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(props.host.lang);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <LanguageProvider lang={lang} onChange={setLang}>
        <PortContext.Provider value={props.port ?? null}>
          <PaneHeader mode={props.host.mode} />
          {props.host.mode === "file" && (props.fileBanner ?? <ModeBanner onOpenFile={props.onOpenFile} />)}
          <WorkbookSessionProvider>
            <main>
              <PaneTabs mode={props.host.mode} />
            </main>
          </WorkbookSessionProvider>
        </PortContext.Provider>
      </LanguageProvider>
    </FluentProvider>
  );
}
