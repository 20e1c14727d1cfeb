import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { StatsTotals } from "../../../core/stats";
import { formatNumber, formatShare } from "../../format";
import { useText, type TextKey } from "../../i18n";
import { MeterBar } from "../common/MeterBar";
import { useSectionStyles } from "./styles";

function Figure(props: { label: TextKey; value: number | null; plan: number | null; share?: number | null }) {
  const styles = useSectionStyles();
  const t = useText();
  if (props.value === null) return null;
  // Over the plan is said in words and drawn in the error colour, not as a bar merely full.
  const over = props.plan !== null && props.value > props.plan;
  const text =
    props.plan !== null
      ? t("ofPlan", { value: formatNumber(props.value), plan: formatNumber(props.plan) })
      : props.share !== undefined
        ? t("countShare", { value: formatNumber(props.value), share: formatShare(props.share) })
        : formatNumber(props.value);
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Body1 className={styles.name}>{t(props.label)}</Body1>
        <Body1 className={styles.figure}>{text}</Body1>
      </div>
      {props.plan !== null && (
        <MeterBar
          value={props.value}
          max={Math.max(props.plan, props.value)}
          marker={props.plan}
          danger={over}
          label={over ? `${text} · ${t("overPlan")}` : text}
        />
      )}
      {over && <Caption1 className={styles.over}>{t("overPlan")}</Caption1>}
    </li>
  );
}

/** The totals against the notice's plan, the 基层 share and the AI share. */
export function TotalsPanel(props: { totals: StatsTotals }) {
  const styles = useSectionStyles();
  const t = useText();
  const { totals } = props;
  return (
    <section className={styles.section} aria-label={t("statsTotals")}>
      <Subtitle2 as="h2">{t("statsTotals")}</Subtitle2>
      <ul className={styles.list}>
        <Figure label="statsProjects" value={totals.projects} plan={totals.planProjects} />
        <Figure label="statsTrainees" value={totals.trainees} plan={totals.planTrainees} />
        <Figure label="statsAi" value={totals.ai} plan={null} share={totals.aiShare} />
        {totals.grassrootsShare !== null && (
          <li className={styles.item}>
            <div className={styles.line}>
              <Body1 className={styles.name}>{t("statsGrassrootsShare")}</Body1>
              <Body1 className={styles.figure}>{formatShare(totals.grassrootsShare)}</Body1>
            </div>
            <MeterBar value={totals.grassrootsShare} max={1} label={formatShare(totals.grassrootsShare)} />
            <Caption1 className={styles.muted}>
              {t("grassrootsDetail", {
                grassroots: formatNumber(totals.grassroots),
                base: formatNumber(totals.grassrootsBase),
              })}
            </Caption1>
          </li>
        )}
      </ul>
    </section>
  );
}
