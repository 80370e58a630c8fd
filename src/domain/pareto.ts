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

export { dominates };

/**
 * Dominators on demand: the frontier is O(n log n), but listing who dominates whom is O(n²) and
 * only a tooltip or a visible table cell asks for it, so each answer is computed when first read.
 */
export function lazyDominators(points: readonly ParetoPoint[]): { get: (id: string) => string[] | undefined } {
  const byCost = [...points].sort((a, b) => a.cost - b.cost);
  const byId = new Map(points.map((p) => [p.id, p]));
  const cache = new Map<string, string[] | undefined>();
  return {
    get: (id) => {
      if (cache.has(id)) return cache.get(id);
      const b = byId.get(id);
      let out: string[] | undefined;
      if (b) {
        const by: string[] = [];
        for (const a of byCost) {
          // Stryker disable next-line ConditionalExpression: stopping early only saves time (dearer models never dominate)
          if (a.cost > b.cost) break;
          if (dominates(a, b)) by.push(a.id);
        }
        out = by.length > 0 ? by : undefined;
      }
      cache.set(id, out);
      return out;
    },
  };
}
