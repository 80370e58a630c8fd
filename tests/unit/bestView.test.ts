import { beforeAll, expect, test } from 'vitest';
import { loadCurated, loadDataset, loadReference } from '../../src/data/datasets';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import {
  axisAvailability,
  bestView,
  MIN_POINTS,
  plottableCount,
  VIEW_PREFERENCES,
  type ViewCandidate,
} from '../../src/store/bestView';
import { buildRows } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { DEFAULT_VIEW } from '../../src/store/url';

const { chips, benchmarks } = loadReference();
// rows are built inside the tests that use them (once per file), not while the file loads: the
// mutation run (npm run test:mutation) can then tell which tests cover the engine
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const curatedRows = once(() => buildRows(loadCurated().models, chips, DEFAULT_ASSUMPTIONS));
// Epoch's 1,000-model file is parsed by the schema once for the whole file (seconds on a busy machine)
let epoch: Awaited<ReturnType<typeof loadDataset>>;
beforeAll(async () => {
  epoch = await loadDataset('epoch');
}, 60_000);
const epochBuilt = once(() => buildRows(epoch.models, chips, DEFAULT_ASSUMPTIONS));
const epochRows = () => Promise.resolve(epochBuilt());
/** loading the Epoch dataset through the store parses it again */
const SLOW_MS = 60_000;

test('the curated dataset keeps the default view: MMLU against training cost has points', () => {
  const r = bestView(curatedRows(), benchmarks, DEFAULT_VIEW);
  expect(r.moved).toBeUndefined();
  expect(r.view).toBe(DEFAULT_VIEW);
  expect(plottableCount(curatedRows(), benchmarks, DEFAULT_VIEW)).toBeGreaterThanOrEqual(MIN_POINTS);
});

test('Epoch’s dataset (no benchmark scores) lands on capability (stitched) against training compute, and says why', async () => {
  const rows = await epochRows();
  const r = bestView(rows, benchmarks, DEFAULT_VIEW);
  expect(r.view).toMatchObject({ x: 'flop', y: 'capability', logX: true, logY: false });
  expect(r.moved?.to).toBe('capability (stitched) against training compute');
  expect(r.moved?.why).toBe('no MMLU scores in this dataset');
  // the models the default fit places on the scale that have a training compute
  expect(plottableCount(rows, benchmarks, r.view)).toBeGreaterThan(40);
  // without the capability candidate it would be compute over time, with hundreds of models
  const noCapability = bestView(rows, benchmarks, DEFAULT_VIEW, VIEW_PREFERENCES.slice(1));
  expect(noCapability.view).toMatchObject({ x: 'date', y: 'flop', logX: false, logY: true });
  expect(plottableCount(rows, benchmarks, noCapability.view)).toBeGreaterThan(500);
});

test('availability: options the data cannot fill say why; the others count their models', async () => {
  const rows = await epochRows();
  const a = axisAvailability(rows, benchmarks);
  expect(a.get('mmlu')).toMatchObject({ count: 0, unavailable: 'no scores in this dataset' });
  expect(a.get('apiPrice')?.unavailable).toBe('no values in this dataset');
  expect(a.get('flop')?.unavailable).toBeUndefined();
  expect(a.get('flop')?.count).toBeGreaterThan(500);
  const curated = axisAvailability(curatedRows(), benchmarks);
  expect(curated.get('mmlu')?.count).toBe(curatedRows().filter((r) => r.model.benchmarks.mmlu).length);
});

test('a preferred candidate put first wins when the data fills it (as capability-vs-compute is)', () => {
  const first: ViewCandidate = {
    describe: 'GPQA against compute',
    x: 'flop',
    y: 'gpqa-diamond',
    logX: true,
    logY: false,
  };
  const empty = { ...DEFAULT_VIEW, y: 'no-such-benchmark' };
  const r = bestView(curatedRows(), benchmarks, empty, [first, ...VIEW_PREFERENCES]);
  expect(r.view).toMatchObject({ x: 'flop', y: 'gpqa-diamond' });
  expect(r.moved?.to).toBe('GPQA against compute');
  // a candidate the data cannot fill is skipped
  const unfillable: ViewCandidate = { describe: 'x', x: 'apiPrice', y: 'no-such-benchmark', logX: true, logY: false };
  expect(bestView(curatedRows(), benchmarks, empty, [unfillable, ...VIEW_PREFERENCES.slice(1)]).view.x).toBe('cost');
  // with the full list, capability against compute comes first: the curated models the fit places
  expect(bestView(curatedRows(), benchmarks, empty).view).toMatchObject({ x: 'flop', y: 'capability' });
});

test('with nothing to plot anywhere the view stays as it was (the chart then says why it is empty)', () => {
  const r = bestView([], benchmarks, DEFAULT_VIEW);
  expect(r.moved).toBeUndefined();
  expect(r.view).toBe(DEFAULT_VIEW);
});

test(
  'switching the store to Epoch’s dataset moves the axes and leaves a note; the user’s next axis choice clears it',
  async () => {
    const store = createAppStore();
    await store.getState().selectDataset('epoch');
    const s = store.getState();
    expect(s.view).toMatchObject({ x: 'flop', y: 'capability', logX: true, logY: false });
    expect(s.viewNote).toBe('Showing capability (stitched) against training compute: no MMLU scores in this dataset.');
    s.setView('y', 'cost');
    expect(store.getState().viewNote).toBeUndefined();
  },
  SLOW_MS,
);

test('a date axis is never logarithmic, and each x axis opens on its natural scale', () => {
  const store = createAppStore();
  store.getState().setView('x', 'date');
  expect(store.getState().view.logX).toBe(false);
  store.getState().setView('logX', true);
  expect(store.getState().view.logX).toBe(false);
  store.getState().setView('x', 'flop');
  expect(store.getState().view.logX).toBe(true);
});

test('choosing the tab that is already open keeps the active scenario', () => {
  const store = createAppStore();
  store.setState({ activeScenarioId: 'seventeen-times', view: { ...DEFAULT_VIEW, view: 'compare' } });
  store.getState().setView('view', 'compare');
  expect(store.getState().activeScenarioId).toBe('seventeen-times');
  store.getState().setView('view', 'table');
  expect(store.getState().activeScenarioId).toBeUndefined();
});
