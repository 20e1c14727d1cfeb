import { useText } from "../i18n";
import { useSession } from "../WorkbookSession";
import { ErrorMessage } from "./common/ErrorMessage";
import { Notice } from "./common/Notice";

/**
 * What the pane must say about the workbook before anything else: that none is open, that it could not be read,
 * that the stored choices could not be read, and which features this Excel lacks (with the way round it).
 */
export function WorkbookNotices(props: { mode: "excel" | "file" }) {
  const t = useText();
  const session = useSession();
  if (!session.port)
    return (
      <Notice intent="info" title={t("noWorkbookTitle")}>
        {props.mode === "file" ? t("noWorkbookFile") : t("noWorkbookExcel")}
      </Notice>
    );
  const missing = session.capabilities?.missing ?? [];
  return (
    <>
      <ErrorMessage error={session.loadError} />
      <ErrorMessage error={session.settingsError} intent="warning" title="settingsUnavailable" />
      {missing.length > 0 && (
        <Notice intent="warning" title={t("missingTitle")}>
          {t("missingBody", { features: missing.join(t("listSeparator")) })}
        </Notice>
      )}
    </>
  );
}
