import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BOUNDS, COST_BASES, DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { defaults, parseUrl, serializeUrl, VIEWS, X_AXES, type UrlState } from '../../src/store/url';

test('reads the documented parameters', () => {
  const { state, notices } = parseUrl(
    '?mfu=0.5&price=3&power=1000&pue=1.4&basis=6nd&view=table&x=flop&y=mmlu&logx=0&logy=1&models=gpt-4,deepseek-v3',
  );
  expect(notices).toEqual([]);
  expect(state.assumptions).toMatchObject({ mfu: 0.5, usdPerGpuHour: 3, wattsPerGpu: 1000, pue: 1.4, basis: '6nd' });
  expect(state.view).toMatchObject({
    view: 'table',
    x: 'flop',
    y: 'mmlu',
    logX: false,
    logY: true,
    compareIds: ['gpt-4', 'deepseek-v3'],
  });
});

test('out-of-range values are clamped and named in a notice', () => {
  const { state, notices } = parseUrl('?mfu=7&price=-2&pue=0.5');
  expect(state.assumptions.mfu).toBe(BOUNDS.mfu.max);
  expect(state.assumptions.usdPerGpuHour).toBe(BOUNDS.usdPerGpuHour.min);
  expect(state.assumptions.pue).toBe(BOUNDS.pue.min);
  expect(notices.join(' ')).toMatch(/mfu=7/);
  expect(notices.join(' ')).toMatch(/price=-2/);
});

test('garbage is ignored with a notice, never thrown', () => {
  const { state, notices } = parseUrl('?price=banana&basis=magic&view=<script>&models=__proto__,ok-id,DROP TABLE');
  expect(state.assumptions.usdPerGpuHour).toBe(DEFAULT_ASSUMPTIONS.usdPerGpuHour);
  expect(state.assumptions.basis).toBe('auto');
  expect(state.view.view).toBe(defaults().view.view);
  expect(state.view.compareIds).toEqual(['ok-id']);
  expect(notices.length).toBeGreaterThanOrEqual(3);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('defaults serialize to an empty query', () => {
  expect(serializeUrl(defaults())).toBe('');
});

test('property: any query string parses without throwing', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      const r = parseUrl(s);
      return typeof r.state.assumptions.mfu === 'number' && Array.isArray(r.notices);
    }),
  );
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom('mfu', 'price', 'power', 'pue', 'basis', 'view', 'x', 'y', 'logx', 'models', 'cp', 'from'),
        fc.string(),
      ),
      (d) => {
        const r = parseUrl(new URLSearchParams(d).toString());
        const a = r.state.assumptions;
        return (
          a.mfu >= BOUNDS.mfu.min &&
          a.mfu <= BOUNDS.mfu.max &&
          a.usdPerGpuHour >= BOUNDS.usdPerGpuHour.min &&
          a.pue >= 1
        );
      },
    ),
  );
});

test('property: valid state round-trips through the URL', () => {
  const inRange = (b: { min: number; max: number }) => fc.double({ min: b.min, max: b.max, noNaN: true });
  fc.assert(
    fc.property(
      inRange(BOUNDS.mfu),
      inRange(BOUNDS.usdPerGpuHour),
      inRange(BOUNDS.wattsPerGpu),
      inRange(BOUNDS.pue),
      fc.constantFrom(...VIEWS),
      fc.constantFrom(...X_AXES),
      fc.boolean(),
      fc.array(fc.constantFrom('gpt-4', 'deepseek-v3', 'llama-3.1-405b', 'kimi-k2'), { maxLength: 4 }),
      fc.record({
        costBasis: fc.constantFrom(...COST_BASES),
        serverOverhead: inRange(BOUNDS.serverOverhead),
        interconnectShare: inRange(BOUNDS.interconnectShare),
        depreciationOomPerYear: inRange(BOUNDS.depreciationOomPerYear),
        usdPerKwh: inRange(BOUNDS.usdPerKwh),
        purchaseUsdByChip: fc.dictionary(fc.constantFrom('h100', 'a100', 'tpu-v4'), inRange(BOUNDS.purchaseUsd)),
        usdPerGpuHourByChip: fc.dictionary(fc.constantFrom('h100', 'h800'), inRange(BOUNDS.usdPerGpuHour)),
      }),
      fc.uniqueArray(
        fc.record({ id: fc.constantFrom('cost', 'name', 'bench:mmlu', 'gpuHours', 'date'), desc: fc.boolean() }),
        { selector: (c) => c.id, maxLength: 3 },
      ),
      fc.dictionary(fc.constantFrom('impliedMfu', 'lab', 'bench:gpqa-diamond', 'chipCount', 'open'), fc.boolean()),
      (mfu, price, power, pue, view, x, logY, models, cost, sort, columns) => {
        const d = defaults();
        const s: UrlState = {
          ...d,
          assumptions: { ...d.assumptions, mfu, usdPerGpuHour: price, wattsPerGpu: power, pue, ...cost },
          // a date axis is never logarithmic (parseUrl turns logx off for it)
          view: { ...d.view, view, x, logX: x !== 'date', logY, compareIds: [...new Set(models)], sort, columns },
        };
        const back = parseUrl(serializeUrl(s));
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(s);
      },
    ),
  );
});

test('a log date axis is refused with a notice naming logx; the models it dropped are back', () => {
  const r = parseUrl('?x=date&logx=1');
  expect(r.state.view.logX).toBe(false);
  expect(r.notices).toEqual(['Ignored logx=1: a release-date axis has no log scale.']);
  expect(parseUrl('?x=date').notices).toEqual([]);
});

test('table sort and visible columns travel in the link (sort=, cols=); bad values are named', () => {
  const s = {
    ...defaults(),
    view: {
      ...defaults().view,
      sort: [
        { id: 'cost', desc: true },
        { id: 'name', desc: false },
      ],
      columns: { impliedMfu: true, lab: false },
    },
  };
  const q = serializeUrl(s);
  expect(decodeURIComponent(q)).toBe('?sort=-cost,name&cols=impliedMfu,-lab');
  expect(parseUrl(q).state.view).toEqual(s.view);
  const bad = parseUrl('?sort=cost,<b>&cols=--x,ok');
  expect(bad.state.view.sort).toEqual([{ id: 'cost', desc: false }]);
  expect(bad.state.view.columns).toEqual({ ok: true });
  expect(bad.notices.join(' ')).toMatch(/in sort:/);
  expect(bad.notices.join(' ')).toMatch(/in cols:/);
});

test('the dataset version travels in the link', () => {
  const s = { ...defaults(), datasetVersion: '2026-11-25' };
  expect(serializeUrl(s)).toBe('?dv=2026-11-25');
  expect(parseUrl('?dv=2026-11-25').state.datasetVersion).toBe('2026-11-25');
  expect(parseUrl('?dv=<x>').notices[0]).toMatch(/dv/);
});

test('reader notes travel in the link (repeatable note=id:text), safely', () => {
  const s = {
    ...defaults(),
    view: { ...defaults().view, notes: { 'gpt-4': 'Leaked figures, not OpenAI’s', 'deepseek-r1': 'RL on V3: $294K' } },
  };
  const q = serializeUrl(s);
  expect(q).toContain('note=gpt-4');
  const back = parseUrl(q);
  expect(back.state.view.notes).toEqual(s.view.notes);
  const hostile = parseUrl('?note=__proto__:x&note=constructor:y&note=nocolon&note=ok-id:fine');
  expect(hostile.state.view.notes).toEqual({ 'ok-id': 'fine', constructor: 'y' });
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(hostile.notices.length).toBe(2);
});

test('lab names with commas survive the link', () => {
  const s = { ...defaults(), filters: { ...defaults().filters, labs: ['Acme, Inc.', 'Meta AI'] } };
  expect(parseUrl(serializeUrl(s)).state.filters.labs).toEqual(['Acme, Inc.', 'Meta AI']);
});

test('the cost basis and its parameters are read from the link and documented names', () => {
  const { state, notices } = parseUrl(
    '?costbasis=amortized&serverx=1.5&netshare=0.2&deprec=0.2&kwh=0.1&hwprice=h100:30000,tpu-v4:4000&cp=h800:2.5',
  );
  expect(notices).toEqual([]);
  expect(state.assumptions).toMatchObject({
    costBasis: 'amortized',
    serverOverhead: 1.5,
    interconnectShare: 0.2,
    depreciationOomPerYear: 0.2,
    usdPerKwh: 0.1,
    purchaseUsdByChip: { h100: 30000, 'tpu-v4': 4000 },
    usdPerGpuHourByChip: { h800: 2.5 },
  });
  expect(parseUrl('').state.assumptions.costBasis).toBe('rental');
});

test('bad cost-basis values are ignored or clamped with a notice naming the parameter', () => {
  const { state, notices } = parseUrl(
    '?costbasis=barter&serverx=9&netshare=abc&deprec=-1&kwh=&hwprice=h100:free,a100:12000',
  );
  expect(state.assumptions.costBasis).toBe('rental');
  expect(state.assumptions.serverOverhead).toBe(BOUNDS.serverOverhead.max);
  expect(state.assumptions.interconnectShare).toBe(DEFAULT_ASSUMPTIONS.interconnectShare);
  expect(state.assumptions.depreciationOomPerYear).toBe(BOUNDS.depreciationOomPerYear.min);
  expect(state.assumptions.usdPerKwh).toBe(DEFAULT_ASSUMPTIONS.usdPerKwh);
  expect(state.assumptions.purchaseUsdByChip).toEqual({ a100: 12000 });
  const text = notices.join('\n');
  for (const key of ['costbasis=', 'serverx=', 'netshare=', 'deprec=', 'kwh=', 'in hwprice'])
    expect(text).toContain(key);
});
