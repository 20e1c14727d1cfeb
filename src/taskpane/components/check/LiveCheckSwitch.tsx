import { Caption1, makeStyles, Switch, tokens } from "@fluentui/react-components";
import { useText } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column" },
  hint: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
});

/**
 * 实时校验: check again after every edit. Off by default; unavailable where the port reports no changes (a file
 * changes only through the pane; an Excel without change events says so).
 */
export function LiveCheckSwitch(props: {
  checked: boolean;
  available: boolean;
  kind: "office" | "file";
  onChange: (on: boolean) => void;
}) {
  const styles = useStyles();
  const t = useText();
  return (
    <div className={styles.root}>
      <Switch
        label={t("liveCheck")}
        checked={props.checked && props.available}
        disabled={!props.available}
        onChange={(_e, data) => props.onChange(data.checked)}
      />
      <Caption1 className={styles.hint}>
        {props.available
          ? t("liveCheckHint")
          : t(props.kind === "file" ? "liveCheckUnavailable" : "liveCheckUnsupported")}
      </Caption1>
    </div>
  );
}
