/** What a command of the `yanxiu` CLI gets to talk to the world with (injected so tests capture it). */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The user's language for messages: zh (default) or en (`--lang en`). */
  lang: "zh" | "en";
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  cwd: string;
}

/** One sub-command: `yanxiu <name> …`. Returns the exit code (0 ok, 1 findings with errors, 2 unusable input/usage). */
export interface CliCommand {
  name: string;
  /** One line for `yanxiu --help`, in both languages. */
  summary: { zh: string; en: string };
  usage: string;
  /** Longer help (options, examples) for `yanxiu <name> --help`, in both languages; optional. */
  help?: { zh: string; en: string };
  run(args: readonly string[], io: CliIO): Promise<number>;
}
