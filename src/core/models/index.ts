import type { Model } from "../packs/pack";
import { fjGaoyanModel } from "./fj-gaoyan";
import { genericModel } from "./generic";
import { hbGaoyanModel } from "./hb-gaoyan";
import { shDigitalInstitutionModel } from "./sh-digital-institution";
import { shGaoyanModel } from "./sh-gaoyan";

/** The models (code vocabulary) a pack's `model:` may name. */
export const MODELS: ReadonlyMap<string, Model> = new Map(
  [shGaoyanModel, shDigitalInstitutionModel, fjGaoyanModel, hbGaoyanModel, genericModel].map((m) => [
    m.id,
    m,
  ]),
);
