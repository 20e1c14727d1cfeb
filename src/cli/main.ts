import { version } from "../../package.json";
import { extractLang } from "./args";
import { COMMANDS } from "./commands";
import { cliText } from "./messages";
import type { CliCommand, CliIO } from "./types";

type Lang = "zh" | "en";

/** `yanxiu --help`: the commands and the global options, in the user's language. */
export function helpText(lang: Lang, commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length)) + 2;
  return [
    `${cliText.toolName[lang]} ${version}`,
    cliText.usageLine[lang],
    "",
    cliText.commands[lang],
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`),
    "",
    cliText.options[lang],
    `  ${"--lang zh|en".padEnd(16)}${cliText.optLang[lang]}`,
    `  ${"--help, -h".padEnd(16)}${cliText.optHelp[lang]}`,
    `  ${"--version, -v".padEnd(16)}${cliText.optVersion[lang]}`,
    "",
    cliText.exitCodes[lang],
    "",
  ].join("\n");
}

function commandHelp(command: CliCommand, lang: Lang): string {
  const extra = command.help;
  return [
    `${cliText.usage[lang]}${command.usage}`,
    "",
    command.summary[lang],
    ...(extra ? ["", extra[lang]] : []),
    "",
  ].join("\n");
}

const isHelp = (a: string) => a === "--help" || a === "-h";

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two short words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The command a mistyped name most likely meant (at most two edits away, or a prefix of it), or undefined. */
export function closestCommand(name: string, commands: readonly CliCommand[]): string | undefined {
  const typed = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const c of commands) {
    const distance = c.name.startsWith(typed) && typed.length >= 2 ? 0 : editDistance(typed, c.name);
    if (
      distance <= Math.min(2, Math.max(1, Math.floor(c.name.length / 3))) &&
      (!best || distance < best.distance)
    )
      best = { name: c.name, distance };
  }
  return best?.name;
}

/**
 * The whole CLI as a function: arguments in, exit code out, every word through `io` (so tests run it in-process).
 * Global options (--lang, --help, --version) are taken here; the rest goes to the command.
 */
export async function main(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const { lang: asked, rest, missing } = extractLang(argv);
  if (missing || (asked !== undefined && asked !== "zh" && asked !== "en")) {
    const text = cliText.badLang(asked ?? "");
    io.stderr(`${text.zh}\n${text.en}\n`);
    return 2;
  }
  const lang: Lang = asked ?? io.lang;
  const cmdIO: CliIO = { ...io, lang };
  const [first, ...args] = rest;
  if (first === undefined) {
    io.stderr(helpText(lang, commands));
    return 2;
  }
  if (isHelp(first)) {
    io.stdout(helpText(lang, commands));
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const meant = closestCommand(first, commands);
    const hint = meant ? `\n${cliText.didYouMean(meant)[lang]}` : "";
    io.stderr(`${cliText.unknownCommand(first)[lang]}${hint}\n\n${helpText(lang, commands)}`);
    return 2;
  }
  if (args.some(isHelp)) {
    io.stdout(commandHelp(command, lang));
    return 0;
  }
  return command.run(args, cmdIO);
}

/** Entry point of lib/cli.js (bin/yanxiu.js calls it): the process's streams and arguments. */
export async function runFromProcess(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // A reader that goes away (yanxiu … | head) is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIO = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    lang: "zh",
    isTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
  try {
    return await main(argv, io);
  } catch (error) {
    // A fault of ours, not of the input: say so plainly, with the stack for the report.
    process.stderr.write(
      `yanxiu: 内部错误 / internal error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 3;
  }
}
