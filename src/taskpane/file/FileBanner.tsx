import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { problemText } from "../../adapters/xlsx/problems";
import type { CellSelection, XlsxWorkbookPort } from "../../adapters/xlsx/workbook-port";
import { toA1 } from "../../core/grid/a1";
import { useLanguage, useText, type Lang } from "../i18n";
import { checkedFileName, saveBytes } from "./download";
import type { FileModeState } from "./file-mode-state";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // The native input does the work but is hidden; the Fluent button is what people see and tab to.
  input: { display: "none" },
  file: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  selection: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
});

export interface FileBannerProps {
  state: FileModeState;
  /** The user chose a file; `lang` is the pane's language, for the reasons the marks will carry. */
  onOpen(file: File, lang: Lang): void;
}

/**
 * The top of the pane in file mode: that it is the file mode and nothing leaves the browser, the file in use,
 * 打开 xlsx 文件 and 下载已标记文件, why a file could not be opened (the previous one stays), and the cell a
 * finding pointed to (there is no grid to move to, so it is shown here).
 */
export function FileBanner(props: FileBannerProps) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { file, opening, failure } = props.state;
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Reset so choosing the same file again (after editing it elsewhere) fires change again.
    event.target.value = "";
    if (chosen) props.onOpen(chosen, lang);
  };

  return (
    <section className={styles.root} aria-label={t("fileRegion")}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t("fileTitle")}</MessageBarTitle>
          <span>{t("filePrivacy")}</span>
        </MessageBarBody>
      </MessageBar>
      <div role="status" className={styles.body}>
        {opening ? (
          <Spinner
            size="tiny"
            label={opening.example ? t("fileLoadingExample") : t("fileOpening", { name: opening.name })}
          />
        ) : file ? (
          <>
            <Body1 className={styles.file}>{t("fileCurrent", { name: file.name })}</Body1>
            {file.example && <Caption1 className={styles.muted}>{t("fileExampleNote")}</Caption1>}
          </>
        ) : (
          <Body1>{t("fileNone")}</Body1>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {t("openFile")}
        </Button>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          tabIndex={-1}
          aria-hidden="true"
          onChange={onChange}
        />
        <DownloadButton port={file?.port ?? null} name={file?.name ?? null} />
      </div>
      {failure && (
        <div role="alert">
          <MessageBar intent={failure.kind === "example" ? "warning" : "error"} layout="multiline">
            <MessageBarBody className={styles.body}>
              {failure.kind === "open" ? (
                <>
                  <MessageBarTitle>{t("fileOpenFailed", { name: failure.name })}</MessageBarTitle>
                  <span>{problemText(failure.problem)[lang]}</span>
                  {file && <span>{t("fileKept", { name: file.name })}</span>}
                </>
              ) : (
                <span>{t("fileExampleFailed", { detail: failure.detail })}</span>
              )}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {file && <SelectedCell port={file.port} />}
    </section>
  );
}

type DownloadState =
  { kind: "idle" } | { kind: "busy" } | { kind: "done"; name: string } | { kind: "failed"; detail: string };

/** 下载已标记文件: the annotated copy of the open workbook, saved as <name>.checked.xlsx. */
function DownloadButton(props: { port: XlsxWorkbookPort | null; name: string | null }) {
  const styles = useStyles();
  const t = useText();
  const [state, setState] = useState<DownloadState>({ kind: "idle" });
  const { port, name } = props;
  const hintId = useId();
  useEffect(() => setState({ kind: "idle" }), [port]);
  const target = name ? checkedFileName(name) : null;

  const download = async () => {
    if (!port || !target) return;
    setState({ kind: "busy" });
    try {
      saveBytes(await port.annotatedCopy(), target);
      setState({ kind: "done", name: target });
    } catch (error) {
      setState({ kind: "failed", detail: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <Button
        disabled={!port || state.kind === "busy"}
        onClick={() => void download()}
        aria-describedby={target ? hintId : undefined}
      >
        {state.kind === "busy" ? t("fileDownloading") : t("fileDownload")}
      </Button>
      {target && (
        <Caption1 id={hintId} className={styles.muted}>
          {state.kind === "done"
            ? t("fileDownloaded", { name: state.name })
            : state.kind === "failed"
              ? t("fileDownloadFailed", { detail: state.detail })
              : t("fileDownloadHint", { name: target })}
        </Caption1>
      )}
    </>
  );
}

/** The cell the pane last selected, with what it holds: file mode's stand-in for Excel moving to the cell. */
function SelectedCell(props: { port: XlsxWorkbookPort }) {
  const styles = useStyles();
  const t = useText();
  const { port } = props;
  const [selection, setSelection] = useState<CellSelection | null>(port.selection);
  useEffect(() => {
    setSelection(port.selection);
    return port.subscribe((event) => {
      if (event.type === "selection") setSelection(event.selection);
    });
  }, [port]);
  if (!selection) return null;
  const text = port.cellText(selection.sheet, selection.row, selection.col);
  return (
    <div
      role="status"
      aria-live="polite"
      className={styles.selection}
      data-selected-cell={`${selection.sheet}!${toA1(selection.row, selection.col)}`}
    >
      <Body1>
        {t("fileSelectedCell", { sheet: selection.sheet, cell: toA1(selection.row, selection.col) })}
      </Body1>
      <br />
      <Caption1>{text === "" ? t("fileSelectedEmpty") : t("fileSelectedText", { text })}</Caption1>
    </div>
  );
}
