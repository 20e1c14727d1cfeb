import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SEVERITY_ORDER, type Finding, type Severity } from "../../../core/findings";
import type { RuleId } from "../../../core/rules/ids";
import { useLanguage, useText } from "../../i18n";
import { ruleTitle } from "../../../core/messages/rule-titles";
import { FindingItem } from "./FindingItem";
import { SEVERITY_LABEL } from "./SeverityCounts";
import { ShowMore } from "../common/ShowMore";
import { formatCount } from "../../format";
import { useState } from "react";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export interface FindingGroup {
  rule: RuleId;
  worst: Severity;
  findings: Finding[];
  counts: Record<Severity, number>;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Findings by rule: the worst groups first, then in the order their first finding appears in the sheet. */
export function groupByRule(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<RuleId, FindingGroup>();
  for (const f of findings) {
    const group = groups.get(f.rule);
    if (!group)
      groups.set(f.rule, {
        rule: f.rule,
        worst: f.severity,
        findings: [f],
        counts: { error: 0, warning: 0, info: 0, [f.severity]: 1 },
      });
    else {
      group.findings.push(f);
      group.counts[f.severity] += 1;
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[group.worst]) group.worst = f.severity;
    }
  }
  // Map keeps insertion order, and sort is stable: equal severities stay in sheet order.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.worst] - SEVERITY_ORDER[b.worst]);
}

const COUNTER_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/** The findings grouped by rule, each group expandable to its cells. */
export function FindingsList(props: {
  findings: readonly Finding[];
  onSelect: (finding: Finding) => void;
  onIgnore?: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const { lang } = useLanguage();
  const t = useText();
  const groups = groupByRule(props.findings);
  if (groups.length === 0) return null;
  return (
    <section aria-label={t("findingsTitle")}>
      <Accordion multiple collapsible>
        {groups.map((group) => (
          <AccordionItem key={group.rule} value={group.rule}>
            <AccordionHeader size="small">
              <span className={styles.header}>
                <span className={styles.title}>{ruleTitle(group.rule, lang)}</span>
                {/* One badge per severity in the group, in the severity's colour and with its name. */}
                {SEVERITIES.filter((sev) => group.counts[sev] > 0).map((sev) => (
                  <Badge key={sev} size="small" appearance="filled" color={COUNTER_COLOR[sev]}>
                    {t(SEVERITY_LABEL[sev])} {formatCount(group.counts[sev])}
                  </Badge>
                ))}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <GroupItems findings={group.findings} onSelect={props.onSelect} onIgnore={props.onIgnore} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

/** How many findings a group draws at first, and how many more each 显示更多 adds. */
export const FINDINGS_PAGE = 50;

/**
 * A group's findings, drawn a page at a time: a list of 18,000 findings drawn at once made the pane millions of
 * pixels tall and froze it for seconds. 显示更多 adds the next page and says how many are left.
 */
function GroupItems(props: {
  findings: readonly Finding[];
  onSelect: (finding: Finding) => void;
  onIgnore?: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const t = useText();
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const visible = props.findings.slice(0, shown);
  const left = props.findings.length - visible.length;
  return (
    <>
      <ul className={styles.list}>
        {visible.map((f) => (
          <FindingItem
            key={`${f.row}:${f.col}:${f.severity}:${f.message.zh}`}
            finding={f}
            onSelect={props.onSelect}
            onIgnore={props.onIgnore}
          />
        ))}
      </ul>
      {left > 0 && (
        <ShowMore
          left={left}
          step={Math.min(FINDINGS_PAGE, left)}
          onClick={() => setShown((n) => n + FINDINGS_PAGE)}
          label={t("showMore", {
            count: formatCount(Math.min(FINDINGS_PAGE, left)),
            left: formatCount(left),
          })}
        />
      )}
    </>
  );
}
