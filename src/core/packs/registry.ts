import type { Pack } from "./pack";
import { shGaoyanPack } from "./sh-2026-gaoyan";
import { shDigitalInstitutionPack } from "./sh-2026-digital-institution";
import { fjGaoyanPack } from "./fj-2026-gaoyan";
import { hbGaoyanPack } from "./hb-2026-gaoyan";

/** Every pack the engine knows; recognition asks each and keeps the surest. */
export const PACKS: readonly Pack[] = [shGaoyanPack, shDigitalInstitutionPack, fjGaoyanPack, hbGaoyanPack];
