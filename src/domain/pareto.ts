/**
 * Pareto frontier of "more score for less": a model is dominated when another costs no more and
 * scores no less, and is strictly better on one of the two.
 */
export interface ParetoPoint {
  id: string;
  cost: number;
  score: number;
}

const dominates = (a: ParetoPoint, b: ParetoPoint) =>
  a.cost <= b.cost && a.score >= b.score && (a.cost < b.cost || a.score > b.score);

/** Ids on the frontier, cheapest first. O(n log n): sort by cost, keep running best score. */
export function paretoFrontier(points: readonly ParetoPoint[]): ParetoPoint[] {
  const sorted = [...points]
    .filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.score))
    .sort((a, b) => a.cost - b.cost || b.score - a.score);
  const out: ParetoPoint[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.score > best) {
      out.push(p);
      best = p.score;
    }
  }
  return out;
}

/** For each dominated model, the models that dominate it (O(n²), fine for the few hundred with scores). */
export function dominatorsOf(points: readonly ParetoPoint[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of points) {
    const by = points.filter((a) => a !== b && dominates(a, b)).map((a) => a.id);
    if (by.length > 0) out.set(b.id, by);
  }
  return out;
}

export { dominates };
