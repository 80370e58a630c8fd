import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import CapabilityView from '../../src/features/capability/CapabilityView';
import ScatterView from '../../src/features/scatter/ScatterView';
import { ModelTable } from '../../src/features/table/ModelTable';
import { PUBLISHED_SETTINGS } from '../../src/domain/capability/settings';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './helpers';

beforeEach(() => resetStore());

// the fit runs in-thread here (no Worker in jsdom): allow it a few seconds
const FIT = { timeout: 20_000 };

test('Capability tab: fits, lists every version with its interval and benchmarks, and links to the dataset’s model', async () => {
  render(<CapabilityView />);
  const summary = await screen.findByText(/model versions on \d+ benchmarks from/, undefined, FIT);
  expect(summary.textContent).toMatch(/converged/);
  const table = screen.getByRole('region', { name: 'Fitted model versions' });
  await userEvent.click(within(table).getByRole('button', { name: /Show all \d+ versions/ }));
  const gpt4 = within(table)
    .getByRole('rowheader', { name: /gpt-4-0314/ })
    .closest('tr')!;
  expect(within(gpt4).getByRole('button', { name: 'GPT-4' })).toBeTruthy();
  expect(gpt4.textContent).toMatch(/Mar 2023/);
  expect(gpt4.textContent).toMatch(/\d\.\d\d to \d\.\d\d/);
  await userEvent.click(within(gpt4).getByRole('button', { name: 'GPT-4' }));
  expect(useAppStore.getState().view.selectedId).toBe('gpt-4');
  // the benchmark table and one fit plot per benchmark
  expect(screen.getByRole('region', { name: 'Fitted benchmarks' }).textContent).toMatch(/Winogrande · anchor/);
  await userEvent.click(screen.getByText(/Show the \d+ benchmark plots/));
  expect(screen.getAllByRole('img', { name: /scores against the fitted curve/ }).length).toBeGreaterThan(30);
  // capability against compute: the algorithmic-progress summary
  expect(
    screen.getByText(/less training compute per year for the same capability|Too few fitted versions/),
  ).toBeTruthy();
}, 30_000);

test('Capability tab: "Published settings (Ho et al. 2025)" sets the paper’s choices and refits on 179 versions', async () => {
  render(<CapabilityView />);
  await screen.findByText(/model versions on \d+ benchmarks from/, undefined, FIT);
  await userEvent.click(screen.getByRole('button', { name: 'Published settings (Ho et al. 2025)' }));
  expect(useAppStore.getState().capability.settings).toEqual(PUBLISHED_SETTINGS);
  expect(await screen.findByText(/179 model versions on 38 benchmarks from 1,324 scores/, undefined, FIT)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Published settings (Ho et al. 2025)' }).getAttribute('aria-pressed')).toBe(
    'true',
  );
}, 30_000);

test('Capability tab: each setting is a control that changes the store (and so the link)', async () => {
  render(<CapabilityView />);
  const lambda = screen.getByRole('spinbutton', { name: 'Regularisation λ' });
  fireEvent.change(lambda, { target: { value: '0.5' } });
  expect(useAppStore.getState().capability.settings.lambda).toBe(0.5);
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Minimum distinct benchmarks' }), { target: { value: '5' } });
  expect(useAppStore.getState().capability.settings.minBenchmarks).toBe(5);
  fireEvent.change(screen.getByLabelText('Earliest release date'), { target: { value: '2023-01-01' } });
  expect(useAppStore.getState().capability.settings.from).toBe('2023-01-01');
  await userEvent.click(screen.getByRole('checkbox', { name: /Include distilled models$/ }));
  expect(useAppStore.getState().capability.settings.distilled).toBe(false);
  await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Data/ }), 'epoch');
  expect(useAppStore.getState().capability.settings.data).toBe('epoch');
  await userEvent.click(screen.getByRole('radio', { name: /Bootstrap over scores/ }));
  expect(useAppStore.getState().capability.interval).toBe('bootstrap');
}, 30_000);

test('scatter: capability (stitched) as the y axis, with its 90% interval as an error bar', async () => {
  resetStore({ y: 'capability', x: 'flop' });
  const { container } = render(<ScatterView />);
  await screen.findByText(/one scale fitted jointly from/, undefined, FIT);
  const point = container.querySelector('g.point[data-model-id="deepseek-v3"]');
  expect(point).not.toBeNull();
  // a vertical error bar: a line at the point's x
  const lines = point!.querySelectorAll('line');
  expect([...lines].some((l) => l.getAttribute('x1') === l.getAttribute('x2'))).toBe(true);
  expect(screen.getByRole('img', { name: /Capability \(stitched\) vs\. training compute/ })).toBeTruthy();
}, 30_000);

test('table: a Capability (stitched) column, its derivation listing the scores it rests on', async () => {
  render(<ModelTable />);
  expect(await screen.findByRole('columnheader', { name: /Capability \(stitched\)/ }, FIT)).toBeTruthy();
  const row = screen.getByRole('button', { name: 'DeepSeek-V3' }).closest('tr')!;
  const cell = await within(row).findByRole('button', { name: /^\d\.\d\d, computed: show source/ }, FIT);
  await userEvent.click(cell);
  const dialog = within(row).getByRole('dialog', { name: 'Source' });
  expect(dialog.textContent).toMatch(/capability fitted jointly/);
  expect(dialog.textContent).toMatch(/MMLU score \(DeepSeek-V3\)/);
  expect(dialog.textContent).toMatch(/Assumption sliders do not move it/);
}, 30_000);
