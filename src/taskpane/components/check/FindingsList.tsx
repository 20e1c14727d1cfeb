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

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export interface FindingGroup {
  rule: RuleId;
  worst: Severity;
  findings: Finding[];
}

/** Findings by rule: the worst groups first, then in the order their first finding appears in the sheet. */
export function groupByRule(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<RuleId, FindingGroup>();
  for (const f of findings) {
    const group = groups.get(f.rule);
    if (!group) groups.set(f.rule, { rule: f.rule, worst: f.severity, findings: [f] });
    else {
      group.findings.push(f);
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
                <Badge size="small" appearance="filled" color={COUNTER_COLOR[group.worst]}>
                  {group.findings.length}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {group.findings.map((f) => (
                  <FindingItem
                    key={`${f.row}:${f.col}:${f.severity}:${f.message.zh}`}
                    finding={f}
                    onSelect={props.onSelect}
                    onIgnore={props.onIgnore}
                  />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
