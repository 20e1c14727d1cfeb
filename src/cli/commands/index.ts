import type { CliCommand } from "../types";
import { checkCommand } from "./check";

/** Every `yanxiu` command, in the order --help lists them. Add one line per command file. */
export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
];
