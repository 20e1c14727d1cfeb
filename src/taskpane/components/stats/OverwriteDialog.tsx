import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellConflict } from "../../../core/stats";
import { toA1 } from "../../../core/grid/a1";
import { useText } from "../../i18n";

const SHOWN = 8;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { flexWrap: "wrap" },
});

/**
 * Asks before 写入排名 changes cells that are not empty: overwrite them, write only the empty cells, or cancel.
 * Nothing is ever overwritten without this question.
 */
export function OverwriteDialog(props: {
  conflicts: readonly CellConflict[] | null;
  onOverwrite: () => void;
  onSkip: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const t = useText();
  const conflicts = props.conflicts ?? [];
  const more = conflicts.length - SHOWN;
  return (
    <Dialog
      open={props.conflicts !== null}
      onOpenChange={(_e, data) => (data.open ? undefined : props.onCancel())}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("overwriteTitle")}</DialogTitle>
          <DialogContent>
            <Body1>{t("overwriteBody", { count: conflicts.length })}</Body1>
            <ul className={styles.list}>
              {conflicts.slice(0, SHOWN).map((c) => (
                <li key={`${c.row}:${c.col}`}>
                  {t(c.merged ? "overwriteMerged" : "overwriteCell", {
                    cell: toA1(c.row, c.col),
                    current: c.current,
                    next: c.next === "" ? t("emptyCell") : c.next,
                  })}
                </li>
              ))}
              {more > 0 && <li>{t("andMore", { count: more })}</li>}
            </ul>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="secondary" onClick={props.onCancel}>
              {t("cancel")}
            </Button>
            <Button appearance="secondary" onClick={props.onSkip}>
              {t("writeEmptyOnly")}
            </Button>
            <Button appearance="primary" onClick={props.onOverwrite}>
              {t("overwrite")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
