import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the statistics sections: a heading, then a list of labelled bars. */
export const useSectionStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  figure: { flexShrink: 0, fontVariantNumeric: "tabular-nums" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});
