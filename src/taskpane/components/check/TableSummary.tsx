import { Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { SheetCheck } from "../../../core/check-types";
import {
  LEVEL_NAMES,
  PACK_IDS,
  PACK_NAMES,
  TABLE_NAMES,
  isPackId,
  type Level,
} from "../../../core/packs/types";
import { useLanguage, useText } from "../../i18n";
import type { SheetOverride } from "../../settings";
import { useFitStyles } from "../common/fit";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const AUTO = "auto";

/**
 * What the engine takes the sheet for (table, notice, level) and the picker to choose the notice and level by hand
 * when the recognition is wrong; the choice is stored in the workbook for this sheet.
 */
export function TableSummary(props: {
  check: SheetCheck | null;
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

  return (
    <section className={styles.root} aria-label={t("detectedTitle")}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("detectedTable")}</dt>
        <dd className={styles.value}>{check ? TABLE_NAMES[check.table][lang] : "…"}</dd>
        <dt className={styles.term}>{t("detectedPack")}</dt>
        <dd className={styles.value}>
          {check ? (check.policy ? PACK_NAMES[check.policy][lang] : t("none")) : "…"}
          {chosen("policy")}
        </dd>
        <dt className={styles.term}>{t("detectedLevel")}</dt>
        <dd className={styles.value}>
          {check ? (check.level ? LEVEL_NAMES[check.level][lang] : t("none")) : "…"}
          {chosen("level")}
        </dd>
      </dl>
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
          {PACK_IDS.map((id) => (
            <option key={id} value={id}>
              {PACK_NAMES[id][lang]}
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
                data.value === "national" || data.value === "provincial" ? (data.value as Level) : undefined,
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
    </section>
  );
}
