import type { GoldenCase } from "../types";
import { shCases } from "./sh-2026-gaoyan";
import { instCases } from "./sh-2026-digital-institution";

/** Every golden workbook; each pack adds its cases here. */
export const GOLDEN_CASES: readonly GoldenCase[] = [...shCases, ...instCases];
