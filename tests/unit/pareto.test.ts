import fc from 'fast-check';
import { expect, test } from 'vitest';
import { dominates, lazyDominators, paretoFrontier, type ParetoPoint } from '../../src/domain/pareto';

/**
 * Independent oracle, written without `dominates`: a point is on the frontier when it scores more
 * than every strictly cheaper point and no less than any point of the same cost.
 */
function onFrontier(p: ParetoPoint, points: readonly ParetoPoint[]): boolean {
  let bestCheaper = -Infinity;
  for (const q of points) if (q.cost < p.cost) bestCheaper = Math.max(bestCheaper, q.score);
  return p.score > bestCheaper && points.every((q) => q.cost !== p.cost || q.score <= p.score);
}

/** Who beats p: costs no more, scores no less, and is not the very same pair of numbers. */
function beatenBy(p: ParetoPoint, points: readonly ParetoPoint[]): string[] {
  return points
    .filter((q) => q.cost <= p.cost && q.score >= p.score && (q.cost !== p.cost || q.score !== p.score))
    .map((q) => q.id);
}

const pt = (id: string, cost: number, score: number): ParetoPoint => ({ id, cost, score });

const points = (maxLength: number) =>
  fc.uniqueArray(
    fc.record({ id: fc.uuid(), cost: fc.integer({ min: 1, max: 20 }), score: fc.integer({ min: 0, max: 20 }) }),
    { selector: (p) => p.id, maxLength },
  );

test('one model beats another only by costing no more, scoring no less, and being strictly better on one side', () => {
  const base = pt('base', 10, 50);
  expect(dominates(pt('cheaper', 9, 50), base)).toBe(true);
  expect(dominates(pt('better', 10, 51), base)).toBe(true);
  expect(dominates(pt('both', 9, 51), base)).toBe(true);
  expect(dominates(pt('twin', 10, 50), base)).toBe(false);
  expect(dominates(pt('dearer', 11, 60), base)).toBe(false);
  expect(dominates(pt('worse', 5, 49), base)).toBe(false);
  // domination is one-way
  expect(dominates(base, pt('cheaper', 9, 50))).toBe(false);
  expect(dominates(base, pt('dearer-and-worse', 11, 49))).toBe(true);
});

test('property: dominates agrees with the definition, pair by pair', () => {
  fc.assert(
    fc.property(points(12), (pts) => {
      for (const p of pts) {
        const by = new Set(beatenBy(p, pts));
        for (const q of pts) expect(dominates(q, p), `${q.cost},${q.score} vs ${p.cost},${p.score}`).toBe(by.has(q.id));
      }
    }),
  );
});

test('property: the frontier is exactly the set of models nobody beats (brute force, not via dominates)', () => {
  fc.assert(
    fc.property(points(40), (pts) => {
      const frontier = paretoFrontier(pts);
      const ids = new Set(frontier.map((p) => p.id));
      for (const p of pts) {
        const undominated = onFrontier(p, pts);
        if (ids.has(p.id)) expect(undominated, p.id).toBe(true);
        // of several identical models one stands for them all on the frontier
        else if (undominated) expect(frontier.some((f) => f.cost === p.cost && f.score === p.score)).toBe(true);
      }
      // cheapest first, each step up costs more and scores more, and no pair of numbers appears twice
      for (let i = 1; i < frontier.length; i++) {
        expect(frontier[i]!.cost).toBeGreaterThan(frontier[i - 1]!.cost);
        expect(frontier[i]!.score).toBeGreaterThan(frontier[i - 1]!.score);
      }
    }),
  );
});

test('the frontier as a user sees it: a staircase, cheapest first, the better of two equal-cost models', () => {
  const pts = [
    pt('mid', 20, 70),
    pt('cheap', 10, 50),
    pt('same-cost-worse', 20, 65),
    pt('dear-worse', 40, 60),
    pt('top', 80, 90),
    pt('cheap-twin', 10, 50),
  ];
  expect(paretoFrontier(pts).map((p) => p.id)).toEqual(['cheap', 'mid', 'top']);
  expect(paretoFrontier([])).toEqual([]);
});

test('models with an unknown (non-finite) cost or score are left off the frontier, not placed on it', () => {
  const pts = [pt('known', 10, 50), pt('no-cost', Number.NaN, 99), pt('no-score', 1, Number.NaN)];
  expect(paretoFrontier(pts).map((p) => p.id)).toEqual(['known']);
  expect(paretoFrontier([pt('inf', Number.POSITIVE_INFINITY, 99), pt('known', 10, 50)]).map((p) => p.id)).toEqual([
    'known',
  ]);
  expect(paretoFrontier([pt('inf-score', 5, Number.POSITIVE_INFINITY), pt('known', 10, 50)]).map((p) => p.id)).toEqual([
    'known',
  ]);
});

test('property: the dominators named in a tooltip are exactly the models that beat it (brute force)', () => {
  fc.assert(
    fc.property(points(30), (pts) => {
      const lazy = lazyDominators(pts);
      for (const p of pts) {
        const expected = beatenBy(p, pts);
        const got = lazy.get(p.id);
        // nobody beats it: no list at all (the tooltip then says nothing), never an empty one
        if (expected.length === 0) expect(got).toBeUndefined();
        else expect([...got!].sort()).toEqual([...expected].sort());
      }
    }),
  );
});

test('dominators: an unknown id has none, and asking twice gives the same answer without recomputing', () => {
  const pts = [pt('a', 1, 10), pt('b', 2, 5), pt('c', 3, 1)];
  const lazy = lazyDominators(pts);
  expect(lazy.get('nobody')).toBeUndefined();
  const first = lazy.get('c');
  expect(first).toEqual(['a', 'b']);
  expect(lazy.get('c')).toBe(first);
  expect(lazy.get('a')).toBeUndefined();
});
