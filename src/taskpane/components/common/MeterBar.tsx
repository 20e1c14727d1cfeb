import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  track: {
    position: "relative",
    height: "10px",
    width: "100%",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground4,
    overflow: "hidden",
  },
  fill: { position: "absolute", left: 0, top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground },
  danger: { backgroundColor: tokens.colorPaletteRedBackground3 },
  marker: {
    position: "absolute",
    top: 0,
    bottom: 0,
    width: "2px",
    marginLeft: "-1px",
    backgroundColor: tokens.colorNeutralForeground1,
  },
});

function percent(value: number, max: number): number {
  if (!(max > 0)) return 0;
  return Math.max(0, Math.min(100, (value / max) * 100));
}

/**
 * A horizontal bar: `value` of `max` filled, an optional line at `marker` (an allowance), the error colour when
 * `danger`. Plain divs, so it scales to any pane width; the label says the figures for screen readers.
 */
export function MeterBar(props: {
  value: number;
  max: number;
  marker?: number;
  danger?: boolean;
  label: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.track} role="img" aria-label={props.label}>
      <div
        className={mergeClasses(styles.fill, props.danger && styles.danger)}
        data-danger={props.danger ? "true" : undefined}
        style={{ width: `${percent(props.value, props.max)}%` }}
      />
      {props.marker !== undefined && (
        <div className={styles.marker} style={{ left: `${percent(props.marker, props.max)}%` }} />
      )}
    </div>
  );
}
