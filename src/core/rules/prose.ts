import { toHalfWidth } from "../read/normalise";

/**
 * Reading figures and filled items out of prose cells of the application forms (培训对象/研修对象, 是否符合选题范围).
 * Figures read from prose only ever give warnings: the sentence may say more than was understood.
 */

// "计划招收60人", "研修人数60人左右", "招收具有中高级职称的专业技术人员60人"; the gap may not cross into the 基层 clause.
const TRAINEES =
  /(?:招收|招生|招募|培训|计划|共|学员|研修人数|培训人数|人数)[^，。；,;\d基]{0,20}?(\d{1,5})(?:名|人)/;
const GRASSROOTS_SHARE = /基层[^，。；,;\d]{0,14}?(\d{1,3}(?:\.\d+)?)%/;
const GRASSROOTS_COUNT = /基层[^，。；,;\d]{0,14}?(\d{1,5})(?:名|人)/;

/** The fill-in after each named item of a "name: ____ name: ____" cell; ticked boxes count as filled. */
export function filledItems(text: string, names: readonly string[]): Map<string, boolean> {
  const t = toHalfWidth(text);
  const out = new Map<string, boolean>();
  const positions = names
    .map((n) => ({ n, i: t.indexOf(n) }))
    .filter((p) => p.i >= 0)
    .sort((a, b) => a.i - b.i);
  positions.forEach((p, k) => {
    const next = positions[k + 1];
    const segment = t.slice(p.i + p.n.length, next ? next.i : undefined);
    const before = t.slice(Math.max(0, p.i - 2), p.i);
    const ticked = /[☑☒■√✓✔▣●]/.test(before);
    const answer = segment.replace(/^[:：\s]+/, "").replace(/[□☐_\s:：]/g, "");
    out.set(p.n, ticked || answer !== "");
  });
  return out;
}

/** Trainee count and grassroots figure stated in 培训对象 prose ("计划招收60人，其中基层不少于20人"). */
export function figuresFromProse(text: string): {
  trainees?: number;
  grassroots?: number;
  grassrootsShare?: number;
} {
  const t = toHalfWidth(text).replace(/\s/g, "");
  const out: { trainees?: number; grassroots?: number; grassrootsShare?: number } = {};
  const trainees = TRAINEES.exec(t);
  if (trainees) out.trainees = Number(trainees[1]);
  const share = GRASSROOTS_SHARE.exec(t);
  if (share) out.grassrootsShare = Number(share[1]) / 100;
  else {
    const count = GRASSROOTS_COUNT.exec(t);
    if (count) out.grassroots = Number(count[1]);
  }
  return out;
}
