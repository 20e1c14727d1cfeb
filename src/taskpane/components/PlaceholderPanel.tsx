import { Body1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
});

/** The body of a tab whose feature has not arrived yet: says what will be shown there. */
export function PlaceholderPanel(props: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{props.text}</Body1>
    </div>
  );
}
