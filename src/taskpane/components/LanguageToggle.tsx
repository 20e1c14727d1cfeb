import { Button } from "@fluentui/react-components";
import { useLanguage, useText } from "../i18n";

/** Switches between Chinese and English; labelled with the language it switches to, in that language. */
export function LanguageToggle() {
  const { lang, setLang } = useLanguage();
  const t = useText();
  return (
    <Button
      appearance="subtle"
      size="small"
      // The visible word comes first in the accessible name (WCAG 2.5.3 Label in Name: speech users say what they see).
      aria-label={`${t("otherLanguageName")} – ${t("switchLanguage")}`}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t("otherLanguageName")}
    </Button>
  );
}
