import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { DomainCount } from "../../../core/stats";
import { formatShare } from "../../format";
import { useText } from "../../i18n";
import { MeterBar } from "../common/MeterBar";
import { useSectionStyles } from "./styles";

/** Projects per 领域 as bars (most first), with the 领域 the notice does not list flagged. */
export function DomainBars(props: { domains: readonly DomainCount[]; unset: number }) {
  const styles = useSectionStyles();
  const t = useText();
  if (props.domains.length === 0 && props.unset === 0) return null;
  const max = Math.max(props.unset, ...props.domains.map((d) => d.count));
  return (
    <section className={styles.section} aria-label={t("statsDomains")}>
      <Subtitle2 as="h2">{t("statsDomains")}</Subtitle2>
      <ul className={styles.list}>
        {props.domains.map((d) => {
          const figure = t("countShare", { value: d.count, share: formatShare(d.share) });
          return (
            <li key={d.domain} className={styles.item}>
              <div className={styles.line}>
                <Body1 className={styles.name}>{d.domain}</Body1>
                <Body1 className={styles.figure}>{figure}</Body1>
              </div>
              <MeterBar value={d.count} max={max} label={t("nameValue", { name: d.domain, value: figure })} />
              {!d.known && <Caption1 className={styles.muted}>{t("domainNotListed")}</Caption1>}
            </li>
          );
        })}
        {props.unset > 0 && (
          <li className={styles.item}>
            <div className={styles.line}>
              <Body1 className={styles.name}>{t("domainUnset")}</Body1>
              <Body1 className={styles.figure}>{props.unset}</Body1>
            </div>
            <MeterBar
              value={props.unset}
              max={max}
              label={t("nameValue", { name: t("domainUnset"), value: props.unset })}
            />
          </li>
        )}
      </ul>
    </section>
  );
}
