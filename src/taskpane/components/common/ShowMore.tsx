import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} 0` },
});

/** 显示更多: draws the next page of a long list; the label says how many it adds and how many are left. */
export function ShowMore(props: { left: number; step: number; label: string; onClick: () => void }) {
  const styles = useStyles();
  if (props.left <= 0) return null;
  return (
    <div className={styles.root}>
      <Button size="small" appearance="secondary" onClick={props.onClick}>
        {props.label}
      </Button>
    </div>
  );
}
