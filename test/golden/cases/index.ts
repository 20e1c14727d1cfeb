import type { GoldenCase } from "../types";
import { shCases } from "./sh-2026-gaoyan";
import { instCases } from "./sh-2026-digital-institution";
import { fjCases } from "./fj-2026-gaoyan";
import { hbCases } from "./hb-2026-gaoyan";

/** Every golden workbook; each pack adds its cases here. */
export const GOLDEN_CASES: readonly GoldenCase[] = [...shCases, ...instCases, ...fjCases, ...hbCases];
