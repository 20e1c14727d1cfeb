import type { CliCommand } from "../types";
import { checkCommand } from "./check";
import { packCommand, packsCommand } from "./packs";
import { statsCommand } from "./stats";
import { templatesCommand } from "./templates";
import { templateCommand } from "./template";

/** Every `yanxiu` command, in the order --help lists them. Add one import and one line per command file. */
// prettier-ignore
export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  statsCommand,
  templatesCommand,
  templateCommand,
  packsCommand,
  packCommand,
];
