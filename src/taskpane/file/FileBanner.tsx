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
import { ACCEPTED_FILES } from "../../adapters/xlsx/extensions";
import { problemText } from "../../adapters/xlsx/problems";
import type { WorkerWorkbookPort } from "../worker/worker-port";
import { useLanguage, useText, type Lang, type TextKey } from "../i18n";
import type { OpenStage } from "../worker/protocol";
import { useCheckRequest } from "./check-on-open";
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
  // Once a file is open the banner is two short lines: the file and the privacy promise, then the buttons.
  compact: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

const STAGE_TEXT: Record<OpenStage, TextKey> = {
  reading: "fileStageReading",
  parsing: "fileStageParsing",
  loading: "fileStageLoading",
};

export interface FileBannerProps {
  state: FileModeState;
  /** The user chose a file; `lang` is the pane's language, for the reasons the marks will carry. */
  onOpen(file: File, lang: Lang): void;
  /** The user chose a folder, or several files, to check them all. */
  onFolder?(files: File[]): void;
}

/**
 * The top of the pane in file mode: that it is the file mode and nothing leaves the browser, the file in use,
 * 打开文件 and 下载已标记文件, why a file could not be opened (the previous one stays), and the cell a
 * finding pointed to (there is no grid to move to, so it is shown here).
 */
export function FileBanner(props: FileBannerProps) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { file, opening, failure } = props.state;
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const onMany = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    if (chosen.length > 0) props.onFolder?.(chosen);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Reset so choosing the same file again (after editing it elsewhere) fires change again.
    event.target.value = "";
    if (chosen) props.onOpen(chosen, lang);
  };

  const compact = file !== null;
  return (
    <section className={styles.root} aria-label={t("fileRegion")}>
      {!compact && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{t("fileTitle")}</MessageBarTitle>
            <span>{t("filePrivacy")}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" className={compact ? styles.compact : styles.body}>
        {opening ? (
          <Spinner
            size="tiny"
            label={
              (opening.example ? t("fileLoadingExample") : t("fileOpening", { name: opening.name })) +
              (opening.stage
                ? lang === "zh"
                  ? `（${t(STAGE_TEXT[opening.stage])}）`
                  : ` (${t(STAGE_TEXT[opening.stage])})`
                : "")
            }
          />
        ) : file ? (
          <Body1 className={styles.file}>{t("fileCurrent", { name: file.name })}</Body1>
        ) : (
          <Body1>{t("fileNone")}</Body1>
        )}
        {compact && (
          <Caption1 className={styles.muted}>
            {file.example && <span>{t("fileExampleNote")} </span>}
            <span>{t("filePrivacy")}</span>
          </Caption1>
        )}
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          size={compact ? "small" : "medium"}
          onClick={() => input.current?.click()}
        >
          {t("openFile")}
        </Button>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept={ACCEPTED_FILES}
          tabIndex={-1}
          aria-hidden="true"
          onChange={onChange}
        />
        <DownloadButton port={file?.port ?? null} name={file?.name ?? null} compact={compact} />
        {props.onFolder && (
          <>
            <Button size={compact ? "small" : "medium"} onClick={() => folderInput.current?.click()}>
              {t("openFolder")}
            </Button>
            <Button size={compact ? "small" : "medium"} onClick={() => filesInput.current?.click()}>
              {t("openFiles")}
            </Button>
            <input
              ref={folderInput}
              className={styles.input}
              type="file"
              // A folder and everything under it (Chromium, Edge, Firefox, Safari all know the attribute).
              {...{ webkitdirectory: "", directory: "" }}
              multiple
              tabIndex={-1}
              aria-hidden="true"
              onChange={onMany}
            />
            <input
              ref={filesInput}
              className={styles.input}
              type="file"
              multiple
              accept={ACCEPTED_FILES}
              tabIndex={-1}
              aria-hidden="true"
              onChange={onMany}
            />
          </>
        )}
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
    </section>
  );
}

type DownloadState =
  { kind: "idle" } | { kind: "busy" } | { kind: "done"; name: string } | { kind: "failed"; detail: string };

/** 下载已标记文件: the annotated copy of the open workbook, saved as <name>.checked.xlsx. */
function DownloadButton(props: { port: WorkerWorkbookPort | null; name: string | null; compact: boolean }) {
  const styles = useStyles();
  const t = useText();
  const [state, setState] = useState<DownloadState>({ kind: "idle" });
  const { port, name } = props;
  const hintId = useId();
  const request = useCheckRequest();
  useEffect(() => setState({ kind: "idle" }), [port]);
  const target = name ? checkedFileName(name) : null;

  const download = async () => {
    if (!port || !target) return;
    setState({ kind: "busy" });
    try {
      // The copy carries a check of the workbook as it is now (after any ranks written or sheets inserted), never
      // an earlier one or none: the 校验 tab checks and marks the sheet first.
      const checkNow = request?.current;
      if (!checkNow || !(await checkNow())) {
        setState({ kind: "failed", detail: t("fileDownloadUnchecked") });
        return;
      }
      saveBytes(await port.annotatedCopy(), target);
      setState({ kind: "done", name: target });
    } catch (error) {
      setState({ kind: "failed", detail: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <Button
        size={props.compact ? "small" : "medium"}
        disabled={!port || state.kind === "busy"}
        onClick={() => void download()}
        aria-describedby={target ? hintId : undefined}
      >
        {state.kind === "busy" ? t("fileDownloading") : t("fileDownload")}
      </Button>
      {target && (
        // The hint says where the copy goes; it takes a line only once there is news (done, failed).
        <Caption1
          id={hintId}
          className={state.kind === "idle" || state.kind === "busy" ? styles.hidden : styles.muted}
          role="status"
          aria-live="polite"
        >
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
