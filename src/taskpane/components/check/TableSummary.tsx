import { Body1, Button, Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SheetCheck } from "../../../core/check-types";
import { LEVEL_NAMES, TABLE_NAMES, type Level } from "../../../core/packs/types";
import {
  isKnownPack as isPackId,
  knownPackIds as packIds,
  knownPackName as packName,
} from "../../packs/known";
import { useLanguage, useText } from "../../i18n";
import type { SheetOverride } from "../../settings";
import type { OwnSheet } from "../../own-sheets";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  line: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  summary: { flexGrow: 1, minWidth: 0 },
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  term: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const AUTO = "auto";

/**
 * What the engine takes the sheet for (table, notice, level) and the picker to choose the notice and level by hand
 * when the recognition is wrong; the choice is stored in the workbook for this sheet.
 */
export function TableSummary(props: {
  check: SheetCheck | null;
  /** The sheet is one the add-in made (校验结果, a blank template). */
  own?: OwnSheet | null;
  override: SheetOverride;
  onOverride: (override: SheetOverride) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const fit = useFitStyles();
  const t = useText();
  const { lang } = useLanguage();
  const { check, override } = props;
  const chosen = (part: "policy" | "level") => (override[part] !== undefined ? ` ${t("chosenByHand")}` : "");

  // Collapsed to one line by default (the pickers are needed only when the recognition is wrong); open by itself
  // when the user has chosen by hand, so the choice is in view.
  const [open, setOpen] = useState(false);
  const byHand = override.policy !== undefined || override.level !== undefined;
  const expanded = open || byHand;
  const parts =
    props.own?.kind === "results"
      ? [t("ownResultsTable")]
      : check
        ? [
            TABLE_NAMES[check.table][lang],
            (check.policy ? packName(check.policy)[lang] : t("noPack")) + chosen("policy"),
            // A table without a level says nothing about it (no 级别 无).
            ...(check.level ? [LEVEL_NAMES[check.level][lang] + chosen("level")] : []),
          ]
        : ["…"];
  const detailsId = useId();

  return (
    <section className={styles.root} aria-label={t("detectedTitle")}>
      <div className={styles.line}>
        <Body1 className={styles.summary}>
          <span className={styles.term}>{t("detectedTitle")}：</span>
          {parts.join(" · ")}
        </Body1>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          disabled={byHand}
          onClick={() => setOpen((o) => !o)}
        >
          {t(expanded ? "overrideHide" : "overrideShow")}
        </Button>
      </div>
      {expanded && (
        <div id={detailsId} className={styles.details}>
          <Field label={t("choosePack")} className={fit.field}>
            <Select
              className={fit.select}
              value={override.policy ?? AUTO}
              disabled={props.disabled}
              onChange={(_e, data) =>
                props.onOverride({ ...override, policy: isPackId(data.value) ? data.value : undefined })
              }
            >
              <option value={AUTO}>{t("automatic")}</option>
              {packIds().map((id) => (
                <option key={id} value={id}>
                  {packName(id)[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("chooseLevel")} className={fit.field}>
            <Select
              className={fit.select}
              value={override.level ?? AUTO}
              disabled={props.disabled}
              onChange={(_e, data) =>
                props.onOverride({
                  ...override,
                  level:
                    data.value === "national" || data.value === "provincial"
                      ? (data.value as Level)
                      : undefined,
                })
              }
            >
              <option value={AUTO}>{t("automatic")}</option>
              {(["national", "provincial"] as const).map((level) => (
                <option key={level} value={level}>
                  {LEVEL_NAMES[level][lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1 className={styles.muted}>{t("overrideHint")}</Caption1>
        </div>
      )}
    </section>
  );
}
