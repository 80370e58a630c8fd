/**
 * Every public URL parameter, one at a time: read under its documented name, written back under
 * the same name, and a bad value refused with a notice that names the parameter (README "Links").
 * Renaming or dropping a parameter breaks permalinks in articles, so each one is listed here.
 */
import { describe, expect, test } from 'vitest';
import { defaults, MAX_NOTE_LENGTH, parseUrl, serializeUrl, type UrlState } from '../../src/store/url';

type Case = {
  /** the query, as a reader's link has it */
  query: string;
  /** what it changes in the app's state */
  expected: (s: UrlState) => void;
};

const a = (over: Partial<UrlState['assumptions']>) => (s: UrlState) => expect(s.assumptions).toMatchObject(over);
const v = (over: Partial<UrlState['view']>) => (s: UrlState) => expect(s.view).toMatchObject(over);
const f = (over: Partial<UrlState['filters']>) => (s: UrlState) =>
  expect(s.filters).toEqual({ ...defaults().filters, ...over });

const PARAMETERS: Record<string, Case> = {
  mfu: { query: 'mfu=0.5', expected: a({ mfu: 0.5 }) },
  price: { query: 'price=3.5', expected: a({ usdPerGpuHour: 3.5 }) },
  power: { query: 'power=1000', expected: a({ wattsPerGpu: 1000 }) },
  pue: { query: 'pue=1.4', expected: a({ pue: 1.4 }) },
  basis: { query: 'basis=reported', expected: a({ basis: 'reported' }) },
  chip: { query: 'chip=h100', expected: a({ defaultChipId: 'h100' }) },
  base: { query: 'base=0', expected: a({ includeBaseRun: false }) },
  mult: { query: 'mult=2.5', expected: a({ costMultiplier: 2.5 }) },
  rehost: { query: 'rehost=b200', expected: a({ rehostChipId: 'b200' }) },
  bands: { query: 'bands=1', expected: a({ bands: true }) },
  mfuband: { query: 'mfuband=0.2-0.6', expected: a({ mfuBand: [0.2, 0.6] }) },
  priceband: { query: 'priceband=0.5-4', expected: a({ priceBand: [0.5, 4] }) },
  cp: { query: 'cp=h100%3A2.5%2Ca100%3A1.2', expected: a({ usdPerGpuHourByChip: { h100: 2.5, a100: 1.2 } }) },
  costbasis: { query: 'costbasis=amortized', expected: a({ costBasis: 'amortized' }) },
  serverx: { query: 'serverx=2', expected: a({ serverOverhead: 2 }) },
  netshare: { query: 'netshare=0.3', expected: a({ interconnectShare: 0.3 }) },
  deprec: { query: 'deprec=0.2', expected: a({ depreciationOomPerYear: 0.2 }) },
  kwh: { query: 'kwh=0.12', expected: a({ usdPerKwh: 0.12 }) },
  hwprice: { query: 'hwprice=h100%3A30000', expected: a({ purchaseUsdByChip: { h100: 30000 } }) },
  view: { query: 'view=table', expected: v({ view: 'table' }) },
  x: { query: 'x=flop', expected: v({ x: 'flop' }) },
  y: { query: 'y=gpqa-diamond', expected: v({ y: 'gpqa-diamond' }) },
  logx: { query: 'logx=0', expected: v({ logX: false }) },
  logy: { query: 'logy=1', expected: v({ logY: true }) },
  color: { query: 'color=lab', expected: v({ colorBy: 'lab' }) },
  labels: { query: 'labels=0', expected: v({ labels: false }) },
  models: { query: 'models=gpt-4%2Cdeepseek-v3', expected: v({ compareIds: ['gpt-4', 'deepseek-v3'] }) },
  sel: { query: 'sel=gpt-4', expected: v({ selectedId: 'gpt-4' }) },
  fit: { query: 'fit=1', expected: v({ fit: true }) },
  subset: { query: 'subset=china', expected: v({ fitSubset: 'china' }) },
  pareto: { query: 'pareto=1', expected: v({ pareto: true }) },
  io: { query: 'io=5', expected: v({ ioRatio: 5 }) },
  note: { query: 'note=gpt-4%3ALeaked+figures', expected: v({ notes: { 'gpt-4': 'Leaked figures' } }) },
  sort: {
    query: 'sort=-cost%2Cname',
    expected: v({
      sort: [
        { id: 'cost', desc: true },
        { id: 'name', desc: false },
      ],
    }),
  },
  cols: { query: 'cols=impliedMfu%2C-lab', expected: v({ columns: { impliedMfu: true, lab: false } }) },
  q: { query: 'q=llama', expected: f({ text: 'llama' }) },
  bloc: { query: 'bloc=China%2CEurope', expected: f({ blocs: ['China', 'Europe'] }) },
  open: { query: 'open=closed', expected: f({ openWeights: 'closed' }) },
  arch: { query: 'arch=moe', expected: f({ architecture: 'moe' }) },
  lab: { query: 'lab=OpenAI&lab=Acme%2C+Inc.', expected: f({ labs: ['OpenAI', 'Acme, Inc.'] }) },
  from: { query: 'from=2020', expected: f({ fromYear: 2020 }) },
  to: { query: 'to=2024', expected: f({ toYear: 2024 }) },
  dataset: { query: 'dataset=epoch', expected: (s) => expect(s.datasetId).toBe('epoch') },
  dv: { query: 'dv=2025-11-01', expected: (s) => expect(s.datasetVersion).toBe('2025-11-01') },
};

describe('every public parameter', () => {
  test('no parameter: the defaults, no notice, and the defaults write nothing', () => {
    expect(parseUrl('')).toEqual({ state: defaults(), notices: [] });
    expect(serializeUrl(defaults())).toBe('');
  });
  test.each(Object.entries(PARAMETERS))('%s is read under its name and written back under it', (name, c) => {
    const { state, notices } = parseUrl(`?${c.query}`);
    expect(notices).toEqual([]);
    c.expected(state);
    // it changed something, and only under its own name
    expect(state).not.toEqual(defaults());
    const written = serializeUrl(state);
    expect([...new URLSearchParams(written).keys()]).toEqual(c.query.split('&').map(() => name));
    expect(written).toBe(`?${c.query}`);
    expect(parseUrl(written)).toEqual({ state, notices: [] });
  });
});

describe('bad values: refused, the default kept, and a notice naming the parameter', () => {
  const refused = (query: string) => {
    const { state, notices } = parseUrl(`?${query}`);
    expect(state).toEqual(defaults());
    return notices;
  };
  test('numbers: not a number, or outside the slider’s range (clamped)', () => {
    expect(refused('mfu=abc')).toEqual([
      'Ignored mfu="abc": MFU (a fraction, e.g. 0.35) must be a number; using 0.35.',
    ]);
    expect(refused('price=')).toEqual(['Ignored price="": GPU price must be a number; using 2.']);
    expect(refused('power=Infinity')).toEqual(['Ignored power="Infinity": Power per GPU must be a number; using 700.']);
    const { state, notices } = parseUrl('?pue=3&io=-1');
    expect(state.assumptions.pue).toBe(2);
    expect(state.view.ioRatio).toBe(0);
    expect(notices).toEqual([
      "pue=3 is outside PUE's range 1–2; using 2.",
      "io=-1 is outside input:output ratio's range 0–100; using 0.",
    ]);
    // the ends of a range are inside it
    expect(parseUrl('?mfu=0.05&kwh=0.5').notices).toEqual([]);
    expect(parseUrl('?mfu= 0.4 ').state.assumptions.mfu).toBe(0.4);
  });
  test('choices and flags list what they accept', () => {
    expect(refused('basis=magic')).toEqual(['Ignored basis="magic": expected one of auto, 6nd, reported.']);
    expect(refused('subset=mars')).toEqual(['Ignored subset="mars": expected one of all, china, us, europe, records.']);
    expect(refused('open=maybe')).toEqual(['Ignored open="maybe": expected one of all, open, closed.']);
    expect(refused('fit=yes')).toEqual(['Ignored fit="yes": expected 1 or 0.']);
    expect(parseUrl('?fit=true&pareto=true&base=false').state).toMatchObject({
      view: { fit: true, pareto: true },
      assumptions: { includeBaseRun: false },
    });
  });
  test('mfuband and priceband: low-high, low ≤ high, both within the slider’s range', () => {
    expect(refused('mfuband=0.5-0.3')).toEqual(['Ignored mfuband="0.5-0.3": expected low-high within 0.05–0.8.']);
    expect(refused('mfuband=0.01-0.5')).toHaveLength(1);
    expect(refused('mfuband=0.3-0.9')).toHaveLength(1);
    expect(refused('mfuband=0.3')).toHaveLength(1);
    expect(refused('mfuband=x0.3-0.5')).toHaveLength(1);
    expect(refused('mfuband=0.3-0.5x')).toHaveLength(1);
    expect(refused('priceband=3-1')).toEqual(['Ignored priceband="3-1": expected low-high within 0.25–10.']);
    expect(refused('priceband=0.1-3')).toHaveLength(1);
    expect(refused('priceband=1-11')).toHaveLength(1);
    // equal ends and the range's own ends are a band
    expect(parseUrl('?mfuband=0.4-0.4').state.assumptions.mfuBand).toEqual([0.4, 0.4]);
    expect(parseUrl('?priceband=0.25-10').state.assumptions.priceBand).toEqual([0.25, 10]);
    expect(parseUrl('?mfuband=%200.2-0.6%20').state.assumptions.mfuBand).toEqual([0.2, 0.6]);
  });
  test('ids are whole ids: nothing before, after or inside them that an id cannot have', () => {
    expect(refused('chip=a100<script>')).toEqual(['Ignored chip="a100<script>": not a chip id.']);
    expect(refused('rehost=<b>h100')).toEqual(['Ignored rehost="<b>h100": not a chip id.']);
    expect(refused('sel=gpt-4<script>')).toEqual(['Ignored sel: not a model id.']);
    expect(refused('models=gpt-4<script>,x%20y')).toEqual(['Ignored 2 malformed id(s) in models.']);
    expect(refused('y=Mmlu')).toEqual(['Ignored y="Mmlu": not a benchmark id or metric.']);
    expect(refused('note=gpt-4<x>:hi')).toEqual(['Ignored note="gpt-4<x>:hi": expected model-id:text.']);
    expect(refused('dataset=../etc')).toEqual([
      'Ignored dataset="../etc": expected curated, epoch or an imported dataset\'s id.',
    ]);
    expect(refused('cp=h100!:2')).toEqual([
      'Ignored per-chip price "h100!:2" in cp: expected chip-id:number within 0.25–10.',
    ]);
    expect(refused('hwprice=h100:50')).toEqual([
      'Ignored per-chip acquisition price "h100:50" in hwprice: expected chip-id:number within 100–200000.',
    ]);
    expect(refused('cp=h100:')).toHaveLength(1);
    expect(refused('cp=:2')).toHaveLength(1);
    expect(refused('cp=h100:11')).toHaveLength(1);
    expect(refused('dv=a%20b')).toEqual(['Ignored dv: not a dataset version.']);
    expect(refused('dv=%3C%3C1.0')).toEqual(['Ignored dv: not a dataset version.']);
    expect(refused('dv=1.0%3E')).toEqual(['Ignored dv: not a dataset version.']);
    expect(refused('dataset=x%3Cy')).toHaveLength(1);
    expect(parseUrl('?sort=!cost').notices).toEqual([
      'Ignored "!cost" in sort: expected column ids, - for descending.',
    ]);
    // spaces and empty parts between ids are not ids, and not errors
    expect(parseUrl('?models=%20a%20,,b').state.view.compareIds).toEqual(['a', 'b']);
    expect(parseUrl('?models=%20a%20,,b').notices).toEqual([]);
    expect(parseUrl('?models=&cp=&hwprice=&sort=&cols=&lab=')).toEqual({ state: defaults(), notices: [] });
    // metrics and the capability index are y values too
    expect(parseUrl('?y=cost').state.view.y).toBe('cost');
    expect(parseUrl('?y=capability').state.view.y).toBe('capability');
  });
  test('years, blocs and the release-date axis', () => {
    expect(refused('from=1949')).toEqual(['Ignored from="1949": expected a year.']);
    expect(refused('to=2020.5')).toEqual(['Ignored to="2020.5": expected a year.']);
    expect(parseUrl('?from=1950&to=2100').state.filters).toMatchObject({ fromYear: 1950, toYear: 2100 });
    expect(refused('to=2101')).toHaveLength(1);
    const { state, notices } = parseUrl('?bloc=China,Mars');
    expect(state.filters.blocs).toEqual(['China']);
    expect(notices).toEqual(['Ignored unknown bloc(s) in bloc=; expected United States, China, Europe, Other.']);
    const date = parseUrl('?x=date&logx=1');
    expect(date.state.view.logX).toBe(false);
    expect(date.notices).toEqual(['Ignored logx=1: a release-date axis has no log scale.']);
    // a date axis without logx is linear without a word
    expect(parseUrl('?x=date')).toMatchObject({ state: { view: { logX: false } }, notices: [] });
  });
  test('sort and cols name what they could not read', () => {
    expect(parseUrl('?sort=-cost!,name').notices).toEqual([
      'Ignored "-cost!" in sort: expected column ids, - for descending.',
    ]);
    expect(parseUrl('?cols=lab,9x').notices).toEqual(['Ignored "9x" in cols: expected column ids, - to hide one.']);
    expect(parseUrl('?sort=cost,-cost').state.view.sort).toEqual([{ id: 'cost', desc: false }]);
    expect(parseUrl('?cols=bench:mmlu').state.view.columns).toEqual({ 'bench:mmlu': true });
  });
});

describe('caps that keep a hostile link small', () => {
  test('at most 100 notes, each at most 140 characters', () => {
    const many = Array.from({ length: 101 }, (_, i) => `note=m${i}:x`).join('&');
    const { state, notices } = parseUrl(`?${many}`);
    expect(Object.keys(state.view.notes)).toHaveLength(100);
    expect(state.view.notes.m100).toBeUndefined();
    expect(notices).toEqual(['Only the first 100 of 101 notes were kept.']);
    const long = parseUrl(`?note=gpt-4:${'a'.repeat(MAX_NOTE_LENGTH + 10)}`);
    expect(long.state.view.notes['gpt-4']).toBe('a'.repeat(MAX_NOTE_LENGTH));
    expect(MAX_NOTE_LENGTH).toBe(140);
    expect(parseUrl('?note=gpt-4:%20%20').notices).toEqual(['Ignored note="gpt-4:  ": expected model-id:text.']);
    expect(parseUrl('?note=:text').notices).toHaveLength(1);
  });
  test('at most 4 models compared, duplicates once; q at most 200 characters; at most 50 labs', () => {
    expect(parseUrl('?models=a,b,a,c,d,e').state.view.compareIds).toEqual(['a', 'b', 'c', 'd']);
    expect(parseUrl(`?q=${'x'.repeat(250)}`).state.filters.text).toBe('x'.repeat(200));
    const labs = Array.from({ length: 55 }, (_, i) => `lab=L${i}`).join('&');
    expect(parseUrl(`?${labs}&lab=%20`).state.filters.labs).toHaveLength(50);
    expect(parseUrl('?capdrop=' + Array.from({ length: 70 }, (_, i) => `b${i}`).join(',')).notices).toEqual([]);
  });
  test('at most 60 sort keys and columns; a dataset id of at most 80 characters; a version of at most 40', () => {
    const cols = Array.from({ length: 70 }, (_, i) => `c${i}`).join(',');
    expect(parseUrl(`?sort=${cols}`).state.view.sort).toHaveLength(60);
    expect(Object.keys(parseUrl(`?cols=${cols}`).state.view.columns)).toHaveLength(60);
    expect(parseUrl(`?dataset=${'a'.repeat(80)}`).state.datasetId).toBe('a'.repeat(80));
    expect(parseUrl(`?dataset=${'a'.repeat(81)}`).state.datasetId).toBe('curated');
    expect(parseUrl(`?dv=${'1'.repeat(40)}`).state.datasetVersion).toBe('1'.repeat(40));
    expect(parseUrl(`?dv=${'1'.repeat(41)}`).state.datasetVersion).toBeUndefined();
  });
  test('a notice quotes at most 40 characters of what it refused', () => {
    const { notices } = parseUrl(`?basis=${'z'.repeat(100)}`);
    expect(notices).toEqual([`Ignored basis="${'z'.repeat(40)}": expected one of auto, 6nd, reported.`]);
    expect(parseUrl(`?mfu=${'9'.repeat(60)}`).notices[0]).toBe(
      `mfu=${'9'.repeat(40)} is outside MFU (a fraction, e.g. 0.35)'s range 0.05–0.8; using 0.8.`,
    );
  });
});

describe('edges the mutation run found unguarded', () => {
  test('a band that moves only one end is still written', () => {
    expect(serializeUrl(parseUrl('?mfuband=0.3-0.6').state)).toBe('?mfuband=0.3-0.6');
    expect(serializeUrl(parseUrl('?mfuband=0.2-0.5').state)).toBe('?mfuband=0.2-0.5');
    expect(serializeUrl(parseUrl('?priceband=1-4').state)).toBe('?priceband=1-4');
    expect(serializeUrl(parseUrl('?priceband=0.5-3').state)).toBe('?priceband=0.5-3');
  });
  test('a per-chip price at the top of the range is a price; a blank is not a number', () => {
    expect(parseUrl('?cp=h100:10').state.assumptions.usdPerGpuHourByChip).toEqual({ h100: 10 });
    expect(parseUrl('?mfu=%20').notices).toEqual([
      'Ignored mfu=" ": MFU (a fraction, e.g. 0.35) must be a number; using 0.35.',
    ]);
  });
  test('the notice counts only the malformed ids; lab names are trimmed', () => {
    expect(parseUrl('?models=a,x%3Cy').notices).toEqual(['Ignored 1 malformed id(s) in models.']);
    expect(parseUrl('?lab=%20OpenAI%20').state.filters.labs).toEqual(['OpenAI']);
  });
  test('the first chart a link without parameters opens is MMLU against training cost', () => {
    expect(defaults().view).toMatchObject({ view: 'scatter', x: 'cost', y: 'mmlu' });
  });
});
