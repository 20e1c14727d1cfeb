import { Body1, Caption1, mergeClasses, Subtitle2 } from "@fluentui/react-components";
import { useState } from "react";
import type { RecommenderStats } from "../../../core/stats";
import { formatCount } from "../../format";
import { useText } from "../../i18n";
import { MeterBar } from "../common/MeterBar";
import { ShowMore } from "../common/ShowMore";
import { useSectionStyles } from "./styles";

/**
 * How many recommenders are drawn at first, and how many more each 显示更多 adds: a city list compiled from 400
 * recommenders drew 400 bars at once (a long task of its own when 统计 opened).
 */
export const QUOTA_PAGE = 30;

/** One bar per recommender: 重点推荐 used against the allowance (附件3 注: 15%), over-quota in the error colour. */
export function QuotaPanel(props: { recommenders: readonly RecommenderStats[] }) {
  const styles = useSectionStyles();
  const t = useText();
  const [shown, setShown] = useState(QUOTA_PAGE);
  if (props.recommenders.length === 0) return null;
  const left = props.recommenders.length - Math.min(shown, props.recommenders.length);
  const step = Math.min(QUOTA_PAGE, left);
  const ranking = (r: RecommenderStats) =>
    r.ranking.status === "absent"
      ? ""
      : ` · ${t(r.ranking.status === "valid" ? "rankingValid" : "rankingInvalid")}`;
  return (
    <section className={styles.section} aria-label={t("statsQuota")}>
      <Subtitle2 as="h2">{t("statsQuota")}</Subtitle2>
      <ul className={styles.list}>
        {props.recommenders.slice(0, shown).map((r, i) => {
          const name = r.whole ? t("wholeList") : r.name === "" ? t("unnamed") : r.name;
          const label =
            r.key === null ? t("quotaUnknown") : t("quotaUse", { used: r.key, allowed: r.allowed });
          return (
            <li key={`${i}:${r.name}`} className={styles.item} data-over={r.overQuota ? "true" : undefined}>
              <div className={styles.line}>
                <Body1 className={styles.name}>{name}</Body1>
                <Body1 className={mergeClasses(styles.figure, r.overQuota && styles.over)}>
                  {r.key === null ? "—" : label}
                </Body1>
              </div>
              {r.key !== null && (
                <MeterBar
                  value={r.key}
                  max={Math.max(r.allowed, r.key)}
                  marker={r.allowed}
                  danger={r.overQuota}
                  label={t("nameValue", { name, value: label })}
                />
              )}
              <Caption1 className={styles.muted}>
                {t("projectsCount", { count: r.projects })}
                {ranking(r)}
                {r.overQuota ? ` · ${t("overQuota")}` : ""}
              </Caption1>
            </li>
          );
        })}
      </ul>
      <ShowMore
        left={left}
        step={step}
        onClick={() => setShown((n) => n + QUOTA_PAGE)}
        label={t("showMore", { count: formatCount(step), left: formatCount(left) })}
      />
    </section>
  );
}
