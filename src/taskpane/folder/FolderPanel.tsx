import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { TABLE_NAMES, type TableKind } from "../../core/packs/types";
import { isKnownPack as isPackId, knownPackName as nameOfPack } from "../packs/known";
import { useFeedback } from "../components/common/Feedback";
import { saveBytes } from "../file/download";
import { formatCount } from "../format";
import { useLanguage, useText } from "../i18n";
import { WorkerClient } from "../worker/client";
import { spawnWorkbookWorker } from "../worker/spawn";
import { filesToCheck, type FolderRow } from "./folder-files";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  num: { width: "2.6em", textAlign: "right" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  fileButton: {
    justifyContent: "flex-start",
    textAlign: "left",
    paddingLeft: 0,
    minWidth: 0,
    height: "auto",
    overflowWrap: "anywhere",
  },
});

export interface FolderPanelProps {
  /** The files chosen (a folder's or several), in the order chosen; a new choice starts a new check. */
  files: readonly File[];
  /** Open one of them in the pane. */
  onOpen(file: File): void;
  /** Back to the pane with the workbook open before. */
  onClose(): void;
}

/**
 * 整个文件夹: every workbook of a chosen folder (or a choice of files) checked in the browser with a progress bar,
 * a table of files (errors, warnings, table, pack, or why it could not be read), any one opened in the pane, the
 * summary workbook (as `yanxiu check --summary`) and the annotated copies as one zip. Nothing is uploaded.
 */
export function FolderPanel(props: FolderPanelProps) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const feedback = useFeedback();
  const [taken, setTaken] = useState<File[]>([]);
  const [rows, setRows] = useState<FolderRow[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [zipping, setZipping] = useState<{ done: number; total: number } | null>(null);
  // The checking, the summary and the zip run in a worker of their own: 200 files never freeze the pane. A new
  // choice of files (or leaving the folder view) stops the worker and what it was doing.
  const worker = useRef<WorkerClient | null>(null);
  const workerNow = () => (worker.current ??= new WorkerClient(spawnWorkbookWorker()));

  useEffect(() => {
    let stale = false;
    worker.current?.terminate();
    worker.current = null;
    setRows([]);
    setFailed(null);
    const files = filesToCheck(props.files);
    setTaken(files);
    void (async () => {
      const client = workerNow();
      for (const file of files) {
        let row: FolderRow;
        try {
          row = await client.request<FolderRow>({ type: "folder-file", file, lang });
        } catch (error) {
          if (!stale) setFailed(error instanceof Error ? error.message : String(error));
          return;
        }
        if (stale) return;
        setRows((r) => [...r, row]);
      }
    })();
    return () => {
      stale = true;
    };
    // The language of the reasons is the one at the time of choosing; switching it does not check again.
  }, [props.files]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const total = taken.length;
  const done = rows.length === total && total > 0;
  const withErrors = rows.filter((r) => r.errors > 0).length;
  const unreadable = rows.filter((r) => r.problem !== null).length;

  const downloadSummary = async () => {
    const buffer = await workerNow().request<ArrayBuffer>({ type: "folder-summary", rows, lang });
    const name = t("folderSummaryFile");
    saveBytes(new Uint8Array(buffer), name);
    feedback.notify({ key: "folder", title: t("fileDownloaded", { name }) });
  };

  const downloadZip = async () => {
    setZipping({ done: 0, total: 0 });
    try {
      const buffer = await workerNow().request<ArrayBuffer>(
        { type: "folder-zip", files: taken, rows, lang },
        [],
        (p) => {
          if (p.what === "zip") setZipping({ done: p.done, total: p.total });
        },
      );
      const name = t("folderZipFile");
      saveBytes(new Uint8Array(buffer), name, document, "application/zip");
      feedback.notify({ key: "folder", title: t("fileDownloaded", { name }) });
    } catch (error) {
      feedback.notify({
        key: "folder",
        intent: "error",
        title: t("fileDownloadFailed", { detail: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setZipping(null);
    }
  };

  const tableName = (row: FolderRow) =>
    row.table
      ? TABLE_NAMES[row.table as TableKind][lang]
      : row.problem === null
        ? TABLE_NAMES.unknown[lang]
        : "";
  const packName = (row: FolderRow) =>
    row.policy && isPackId(row.policy) ? nameOfPack(row.policy)[lang] : "";

  return (
    <section className={styles.root} aria-label={t("folderTitle")}>
      <div className={styles.actions}>
        <Subtitle2 as="h2">{t("folderTitle")}</Subtitle2>
        <Button size="small" appearance="subtle" onClick={props.onClose}>
          {t("folderBack")}
        </Button>
      </div>
      {failed && <Body1 className={styles.bad}>{t("fileDownloadFailed", { detail: failed })}</Body1>}
      {total === 0 && !failed && rows.length === 0 && <Body1>{t("folderLooking")}</Body1>}
      {total > 0 && (
        <div role="status" aria-live="polite">
          <ProgressBar
            value={rows.length}
            max={total}
            thickness="large"
            aria-label={t("folderProgress", { done: formatCount(rows.length), total: formatCount(total) })}
          />
          <Body1Strong>
            {done
              ? t("folderDone", {
                  total: formatCount(total),
                  errors: formatCount(withErrors),
                  unreadable: formatCount(unreadable),
                })
              : t("folderProgress", { done: formatCount(rows.length), total: formatCount(total) })}
          </Body1Strong>
        </div>
      )}
      {done && (
        <div className={styles.actions}>
          <Button appearance="primary" size="small" onClick={() => void downloadSummary()}>
            {t("folderDownloadSummary")}
          </Button>
          <Button size="small" disabled={zipping !== null} onClick={() => void downloadZip()}>
            {zipping
              ? t("folderZipping", { done: formatCount(zipping.done), total: formatCount(zipping.total) })
              : t("folderDownloadZip")}
          </Button>
        </div>
      )}
      {rows.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.muted}>{t("folderTableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t("file")}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {t("severityError")}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {t("severityWarning")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${i}:${row.name}`} data-file={row.name}>
                <td className={styles.td}>
                  <Button
                    size="small"
                    appearance="transparent"
                    className={styles.fileButton}
                    disabled={row.problem !== null}
                    aria-label={t("folderOpen", { name: row.name })}
                    onClick={() => {
                      const file = taken[i];
                      if (file) props.onOpen(file);
                    }}
                  >
                    {row.name}
                  </Button>
                  <br />
                  {row.problem !== null ? (
                    <Caption1 className={styles.bad}>
                      {t("folderUnreadable", { reason: row.problem })}
                    </Caption1>
                  ) : (
                    <Caption1 className={styles.muted}>
                      {[tableName(row), packName(row)].filter((x) => x !== "").join(" · ")}
                    </Caption1>
                  )}
                </td>
                <td className={`${styles.td} ${styles.num} ${row.errors > 0 ? styles.bad : ""}`}>
                  {row.problem !== null ? "—" : formatCount(row.errors)}
                </td>
                <td className={`${styles.td} ${styles.num}`}>
                  {row.problem !== null ? "—" : formatCount(row.warnings)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
