import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bootstrapBand, growth, leastSquares, predict, residual } from '../../src/domain/fit';
import { releaseTimeMs } from '../../src/domain/dates';
import { dominates, paretoFrontier, type ParetoPoint } from '../../src/domain/pareto';

/** Brute-force oracle: every pair compared. */
function dominatorsOf(points: readonly ParetoPoint[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of points) {
    const by = points.filter((a) => a !== b && dominates(a, b)).map((a) => a.id);
    if (by.length > 0) out.set(b.id, by);
  }
  return out;
}

test('an exact line gives its slope and intercept, and the bootstrap band contains it', () => {
  const xs = [20, 21, 22, 23, 24, 25];
  const ys = xs.map((x) => 3 * x - 10);
  const f = leastSquares(xs, ys)!;
  expect(f.slope).toBeCloseTo(3, 10);
  expect(f.intercept).toBeCloseTo(-10, 10);
  expect(f.r2).toBeCloseTo(1, 10);
  const band = bootstrapBand(xs, ys, [20, 22.5, 25])!;
  band.xs.forEach((x, i) => {
    expect(band.lo[i]).toBeLessThanOrEqual(predict(f, x) + 1e-9);
    expect(band.hi[i]).toBeGreaterThanOrEqual(predict(f, x) - 1e-9);
  });
  expect(band.slopeLo).toBeLessThanOrEqual(3 + 1e-9);
  expect(band.slopeHi).toBeGreaterThanOrEqual(3 - 1e-9);
});

test('noisy data: the 90% band contains the true line at the centre and narrows with more data', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  const make = (n: number) => {
    const xs = Array.from({ length: n }, (_, i) => 22 + (4 * i) / n);
    return { xs, ys: xs.map((x) => 10 * x - 150 + rand() * 8) };
  };
  const small = make(12);
  const big = make(200);
  const bs = bootstrapBand(small.xs, small.ys, [24])!;
  const bb = bootstrapBand(big.xs, big.ys, [24])!;
  expect(bs.lo[0]).toBeLessThan(90);
  expect(bs.hi[0]).toBeGreaterThan(90);
  expect(bb.hi[0]! - bb.lo[0]!).toBeLessThan(bs.hi[0]! - bs.lo[0]!);
});

test('residuals in points and "× cheaper than the trend predicts"', () => {
  // score = 10 · log10(cost) − 0: a model scoring 80 at $1e6 sits 20 points above the trend;
  // the trend says 80 costs $1e8, so it was 100× cheaper
  const f = { slope: 10, intercept: 0, n: 10, r2: 1 };
  const r = residual(f, 6, 80);
  expect(r.points).toBeCloseTo(20, 10);
  expect(r.timesCheaper).toBeCloseTo(100, 6);
});

test('growth per year and doubling time from a log10 fit over years', () => {
  const g = growth({ slope: Math.log10(4), intercept: 0, n: 5, r2: 1 });
  expect(g.perYear).toBeCloseTo(4, 10);
  expect(g.doublingYears).toBeCloseTo(0.5, 10);
  // a month-only release date sits mid-month
  expect(new Date(releaseTimeMs('2024-07')).toISOString().slice(0, 10)).toBe('2024-07-15');
  expect(releaseTimeMs('2024-01-01')).toBe(Date.UTC(2024, 0, 1));
});

test('Pareto frontier and dominators agree with brute force', () => {
  const point = fc.record({
    id: fc.uuid(),
    cost: fc.integer({ min: 1, max: 50 }),
    score: fc.integer({ min: 0, max: 50 }),
  });
  fc.assert(
    fc.property(fc.uniqueArray(point, { selector: (p) => p.id, maxLength: 40 }), (pts: ParetoPoint[]) => {
      const frontier = new Set(paretoFrontier(pts).map((p) => p.id));
      const doms = dominatorsOf(pts);
      for (const p of pts) {
        const dominated = pts.some((q) => q !== p && dominates(q, p));
        expect(doms.has(p.id)).toBe(dominated);
        // the sort-based frontier keeps one of several identical points; every frontier point is undominated
        if (frontier.has(p.id)) expect(dominated).toBe(false);
        if (!dominated)
          expect(frontier.has(p.id) || pts.some((q) => q !== p && q.cost === p.cost && q.score === p.score)).toBe(true);
      }
    }),
  );
});

test('analysis on real data: DeepSeek-R1 sits above the MMLU-vs-cost trend at default assumptions', async () => {
  const { loadCurated, loadReference } = await import('../../src/data/datasets');
  const { buildRows } = await import('../../src/store/selectors');
  const { buildScatter } = await import('../../src/store/scatterState');
  const { analyse } = await import('../../src/store/analysis');
  const { DEFAULT_ASSUMPTIONS } = await import('../../src/domain/assumptions');
  const { DEFAULT_VIEW } = await import('../../src/store/url');
  const rows = buildRows(loadCurated().models, loadReference().chips, DEFAULT_ASSUMPTIONS);
  const view = { ...DEFAULT_VIEW, fit: true, pareto: true };
  const a = analyse(buildScatter(rows, loadReference().benchmarks, view), view);
  const r1 = a.residuals.get('deepseek-r1')!;
  expect(r1.points).toBeGreaterThan(5);
  expect(r1.timesCheaper).toBeGreaterThan(3);
  expect(a.frontier.map((p) => p.id)).toContain('deepseek-r1');
  expect(a.dominatedBy.get('gpt-4')).toContain('deepseek-r1');
});

test('best score per bloc over time and the gap in points and months', async () => {
  const { bestOverTime, gapBetween } = await import('../../src/store/blocs');
  const mk = (id: string, bloc: 'China' | 'United States', date: string, score: number) =>
    ({
      id,
      name: id,
      lab: 'L',
      country: 'X',
      bloc,
      releaseDate: date,
      openWeights: true,
      architecture: 'dense',
      benchmarks: { mmlu: { value: score, status: 'disclosed', source: { title: 'abc', url: 'https://a.b' } } },
    }) as const;
  const models = [
    mk('u1', 'United States', '2023-03', 86),
    mk('u2', 'United States', '2024-05', 88),
    mk('c1', 'China', '2023-11', 80),
    mk('c2', 'China', '2024-12', 86),
    mk('c3', 'China', '2025-01', 85),
  ];
  const us = bestOverTime(models, 'mmlu', 'United States');
  const cn = bestOverTime(models, 'mmlu', 'China');
  expect(cn.map((s) => s.modelId)).toEqual(['c1', 'c2']);
  const gap = gapBetween(us, cn, 'United States', 'China')!;
  expect(gap).toEqual({ leader: 'United States', follower: 'China', points: 2, months: 21 });
});

test('blended API price weights input and output tokens by the ratio', async () => {
  const { blendedPrice } = await import('../../src/features/table/efficiencyColumns');
  // Claude Opus 4.8 at $5 / $25 per M tokens, 3 input tokens per output token
  expect(blendedPrice(5, 25, 3)).toBe(10);
  expect(blendedPrice(5, 25, 0)).toBe(25);
});

test('labels never overlap, except reader notes, which are always placed inside the plot', async () => {
  const { placeLabels } = await import('../../src/ui/labels');
  const plot = { x: 0, y: 0, width: 300, height: 200 };
  const many = Array.from({ length: 30 }, (_, i) => ({
    id: `m${i}`,
    text: `Model ${i}`,
    px: 150,
    py: 100,
    priority: i,
  }));
  const placed = placeLabels(many, plot);
  expect(placed.length).toBeLessThan(30);
  const note = placeLabels(
    [
      ...many,
      {
        id: 'n',
        text: 'A very long reader note that cannot fit anywhere nice',
        px: 290,
        py: 100,
        priority: -1,
        force: true,
      },
    ],
    plot,
  );
  const n = note.find((l) => l.id === 'n')!;
  expect(n.x).toBeGreaterThanOrEqual(0);
  expect(n.y).toBeLessThanOrEqual(200);
});

test('lazy dominators agree with the eager ones', async () => {
  const { lazyDominators } = await import('../../src/domain/pareto');
  const point = fc.record({
    id: fc.uuid(),
    cost: fc.integer({ min: 1, max: 30 }),
    score: fc.integer({ min: 0, max: 30 }),
  });
  fc.assert(
    fc.property(fc.uniqueArray(point, { selector: (p) => p.id, maxLength: 30 }), (pts: ParetoPoint[]) => {
      const eager = dominatorsOf(pts);
      const lazy = lazyDominators(pts);
      for (const p of pts) expect(new Set(lazy.get(p.id) ?? [])).toEqual(new Set(eager.get(p.id) ?? []));
    }),
  );
});

test('residuals and fits are described in plain words with two significant digits', async () => {
  const { describeResidual, describeFit } = await import('../../src/store/analysis');
  const fit = {
    slope: 8.976,
    intercept: 0,
    n: 29,
    r2: 0.3517,
    subset: 'all' as const,
    xIsLog: true,
    yIsLog: false,
    xIsDate: false,
  };
  const a = {
    fit,
    band: { xs: [], lo: [], hi: [], slopeLo: 5.62, slopeHi: 13.23 },
    residuals: new Map(),
    frontier: [],
    dominatedBy: { get: () => undefined },
    fitted: 29,
  };
  expect(describeResidual({ points: 17.24, timesCheaper: 83.2 }, a)).toBe(
    '17.24 points above the trend; 83× cheaper than the trend predicts for this score',
  );
  expect(describeResidual({ points: -3, timesCheaper: 0.5 }, a)).toBe(
    '3 points below the trend; 2× dearer than the trend predicts for this score',
  );
  expect(describeFit(a, 'training cost')).toBe(
    'Trend over 29 models: +9 points per 10× training cost (90% band 5.6 to 13); R² 0.35.',
  );
});
