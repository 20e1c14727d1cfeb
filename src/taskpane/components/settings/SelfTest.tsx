// 自检 in the pane: runs src/adapters/office/selftest.ts on the open workbook and shows a copyable zh-CN report for
// support. Shown in Excel mode below the tabs; opened and started at once with `?selftest` in the pane's address.

import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { globalIsSetSupported, globalRun } from "../../../adapters/office/host";
import {
  type Diagnostics,
  formatSelfTestReport,
  runSelfTest,
  type SelfTestReport,
} from "../../../adapters/office/selftest";
import { useText } from "../../i18n";
import { useSectionStyles } from "./section-styles";

const useStyles = makeStyles({
  report: { fontFamily: tokens.fontFamilyMonospace },
});

/** The self-test over the Office.js globals (Excel.run, isSetSupported, Office.context.diagnostics). */
function runInExcel(): Promise<SelfTestReport> {
  const office = (globalThis as unknown as { Office?: { context?: { diagnostics?: Diagnostics } } }).Office;
  const d = office?.context?.diagnostics;
  return runSelfTest({
    run: globalRun(),
    isSetSupported: globalIsSetSupported(),
    diagnostics: d ? { host: String(d.host), platform: String(d.platform), version: d.version } : {},
  });
}

/** Whether the pane's address asks for the self-test (`?selftest`, for support). */
export function wantsSelfTest(search: string): boolean {
  return new URLSearchParams(search).has("selftest");
}

export interface SelfTestSectionProps {
  /** Runs the self-test; the Office.js globals unless a test passes another. */
  run?: () => Promise<SelfTestReport>;
  /** Start at once (the pane was opened with `?selftest`). */
  autoStart?: boolean;
}

type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; report: SelfTestReport; text: string }
  | { kind: "failed"; detail: string };

export function SelfTestSection(props: SelfTestSectionProps) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const t = useText();
  const headingId = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [copy, setCopy] = useState<"copied" | "failed" | undefined>();
  const reportRef = useRef<HTMLTextAreaElement>(null);
  const { run = runInExcel, autoStart = false } = props;

  const start = useCallback(() => {
    setState({ kind: "running" });
    setCopy(undefined);
    run().then(
      (report) => setState({ kind: "done", report, text: formatSelfTestReport(report) }),
      (e: unknown) => setState({ kind: "failed", detail: e instanceof Error ? e.message : String(e) }),
    );
  }, [run]);

  const started = useRef(false);
  useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      start();
    }
  }, [autoStart, start]);

  const copyReport = useCallback(async () => {
    if (state.kind !== "done") return;
    try {
      await navigator.clipboard.writeText(state.text);
      setCopy("copied");
    } catch {
      // No clipboard permission (some Office webviews): select the text so Ctrl+C takes it.
      reportRef.current?.select();
      setCopy("failed");
    }
  }, [state]);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t("selfTestTitle")}
      </Subtitle2>
      <Body1>{t("selfTestIntro")}</Body1>
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={start} disabled={state.kind === "running"}>
          {state.kind === "running" ? t("selfTestRunning") : t("selfTestRun")}
        </Button>
        {state.kind === "done" && (
          <Caption1 role="status">
            {t("selfTestSummary", {
              passed: state.report.passed,
              failed: state.report.failed,
              unsupported: state.report.unsupported,
            })}
          </Caption1>
        )}
        {state.kind === "failed" && (
          <Caption1 role="alert">{t("selfTestFailed", { detail: state.detail })}</Caption1>
        )}
      </div>
      {state.kind === "done" && (
        <>
          <Field label={t("selfTestReport")}>
            <Textarea
              ref={reportRef}
              className={styles.report}
              value={state.text}
              readOnly
              resize="vertical"
              rows={Math.min(20, state.text.split("\n").length + 1)}
            />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => void copyReport()}>{t("selfTestCopy")}</Button>
            {copy && (
              <Caption1 role="status">
                {copy === "copied" ? t("selfTestCopied") : t("selfTestCopyFailed")}
              </Caption1>
            )}
          </div>
        </>
      )}
    </section>
  );
}
