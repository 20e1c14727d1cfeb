import { cliText } from "./messages";

/**
 * The usage error of node:util parseArgs in the user's language (its own messages are English only and suggest
 * syntax our users do not need).
 */
export function parseArgsError(error: unknown, lang: "zh" | "en"): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return cliText.unknownOption(option)[lang];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return (/argument missing/.test(message) ? cliText.missingValue(option) : cliText.noValueAllowed(option))[
      lang
    ];
  return message;
}

/** Values of the global --lang option, and the arguments without it. */
export function extractLang(argv: readonly string[]): { lang?: string; rest: string[]; missing: boolean } {
  const rest: string[] = [];
  let lang: string | undefined;
  let missing = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--lang") {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("-")) missing = true;
      else {
        lang = next;
        i++;
      }
    } else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
    else rest.push(arg);
  }
  return { lang, rest, missing };
}
