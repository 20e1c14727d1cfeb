// Offers to clear marks this copy of the add-in has no record of (the workbook was marked by another deployment, or
// the record was lost): found by colour on the active sheet, cleared only when the user asks.

import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { StrayMarks } from "../../../adapters/office/stray-marks";
import { strayExamples } from "../../../adapters/office/stray-marks";
import type { WorkbookPort } from "../../../core/port";
import { describeError } from "../../errors";
import { useLanguage, useText } from "../../i18n";
import { usePort } from "../../PortContext";
import { useSectionStyles } from "./section-styles";

/** The Office port's extra operations (not part of WorkbookPort: file mode has no such marks). */
interface StrayPort extends WorkbookPort {
  findStrayMarks(sheet: string): Promise<StrayMarks>;
  clearStrayMarks(sheet: string): Promise<number>;
}

function strayPort(port: WorkbookPort | null): StrayPort | undefined {
  return port && "findStrayMarks" in port && "clearStrayMarks" in port ? (port as StrayPort) : undefined;
}

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "found"; sheet: string; stray: StrayMarks }
  | { kind: "cleared"; count: number }
  | { kind: "failed"; detail: string };

export function StrayMarksSection() {
  const styles = useSectionStyles();
  const t = useText();
  const { lang } = useLanguage();
  const headingId = useId();
  const port = strayPort(usePort());
  const [state, setState] = useState<State>({ kind: "idle" });
  if (!port) return null;

  const fail = (e: unknown) => setState({ kind: "failed", detail: describeError(e, lang) });
  const find = async () => {
    setState({ kind: "busy" });
    try {
      const sheets = await port.listSheets();
      const sheet = sheets.find((s) => s.active)?.name ?? sheets[0]?.name;
      if (sheet === undefined) return setState({ kind: "idle" });
      setState({ kind: "found", sheet, stray: await port.findStrayMarks(sheet) });
    } catch (e) {
      fail(e);
    }
  };
  const clear = async (sheet: string) => {
    setState({ kind: "busy" });
    try {
      setState({ kind: "cleared", count: await port.clearStrayMarks(sheet) });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t("strayTitle")}
      </Subtitle2>
      <Body1>{t("strayIntro")}</Body1>
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={state.kind === "busy"} onClick={() => void find()}>
          {state.kind === "busy" ? t("strayFinding") : t("strayFind")}
        </Button>
      </div>
      {state.kind === "found" && state.stray.cells.length === 0 && (
        <Caption1 role="status">{t("strayNone", { sheet: state.sheet })}</Caption1>
      )}
      {state.kind === "found" && state.stray.cells.length > 0 && (
        <>
          <Caption1 role="status">
            {t("strayFound", {
              sheet: state.sheet,
              count: state.stray.cells.length,
              examples: strayExamples(state.stray).join("、"),
            })}
          </Caption1>
          <div className={styles.actions}>
            <Button onClick={() => void clear(state.sheet)}>{t("strayClear")}</Button>
          </div>
        </>
      )}
      {state.kind === "cleared" && (
        <Caption1 role="status">{t("strayCleared", { count: state.count })}</Caption1>
      )}
      {state.kind === "failed" && (
        <Caption1 role="alert">{t("strayFailed", { detail: state.detail })}</Caption1>
      )}
    </section>
  );
}
