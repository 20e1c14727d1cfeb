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
      aria-label={t("switchLanguage")}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t("otherLanguageName")}
    </Button>
  );
}
