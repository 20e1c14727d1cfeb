import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Finding } from "../../../core/findings";
import { toA1 } from "../../../core/grid/a1";
import { useLanguage, useText } from "../../i18n";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  message: { overflowWrap: "anywhere" },
});

/** Asks why a finding is to be ignored; the reason is required and stored with the ignore in the workbook. */
export function IgnoreDialog(props: {
  finding: Finding | null;
  onConfirm: (finding: Finding, reason: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const t = useText();
  const { lang } = useLanguage();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const { finding } = props;

  useEffect(() => {
    setReason("");
    setTried(false);
  }, [finding]);

  const missing = reason.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) reasonRef.current?.focus();
    if (!finding || missing) return;
    props.onConfirm(finding, reason.trim());
  };

  return (
    <Dialog open={finding !== null} onOpenChange={(_e, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface>
        {/* noValidate: the empty reason gets the pane's own message in the pane's language below the field, not
            the browser's bubble (in the browser's language). */}
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>
              {t("ignoreTitle", { cell: finding ? toA1(finding.row, finding.col) : "" })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              {finding && <Body1 className={styles.message}>{finding.message[lang]}</Body1>}
              <Field
                label={t("ignoreReason")}
                required
                hint={t("ignoreReasonHint")}
                validationState={tried && missing ? "error" : "none"}
                validationMessage={tried && missing ? t("ignoreReasonMissing") : undefined}
              >
                <Textarea
                  ref={reasonRef}
                  value={reason}
                  onChange={(_e, data) => setReason(data.value)}
                  resize="vertical"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onCancel}>
                {t("cancel")}
              </Button>
              <Button appearance="primary" type="submit">
                {t("ignoreConfirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
