import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import BarsView from '../../src/features/bars/BarsView';
import CompareView from '../../src/features/compare/CompareView';
import { DerivationCard } from '../../src/features/derivation/DerivationCard';
import HardwareView from '../../src/features/hardware/HardwareView';
import ScatterView from '../../src/features/scatter/ScatterView';
import SourcesView from '../../src/features/sources/SourcesView';
import { ModelTable } from '../../src/features/table/ModelTable';
import { selectRows } from '../../src/store/selectors';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './helpers';

// whole tables and charts render in jsdom here: on a 2-core machine shared with other test runs a
// single test can pass 5 s (the default limit) with nothing wrong, so these get more time
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetStore());

const point = (container: HTMLElement, id: string) => container.querySelector(`g.point[data-model-id="${id}"] circle`);

test('scatter: plots models with a score, hollow when estimated, and counts what it leaves out', () => {
  const { container } = render(<ScatterView />);
  const gpt4 = point(container, 'gpt-4');
  expect(gpt4).not.toBeNull();
  // cost is computed from assumptions -> hollow
  expect(gpt4?.getAttribute('fill')).toBe('var(--panel)');
  expect(screen.getByText(/not shown: no MMLU/)).toBeTruthy();
  expect(screen.getByRole('img', { name: /MMLU .* vs\. training cost/ })).toBeTruthy();
});

test('scatter: disclosed x and y give a solid point; switching axes and log scale re-plots', async () => {
  const { container } = render(<ScatterView />);
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'X axis' }), 'gpuHours');
  // Llama 3.1 405B: disclosed GPU-hours and a lab-reported MMLU
  expect(point(container, 'llama-3.1-405b')?.getAttribute('fill')).not.toBe('var(--panel)');
  expect(useAppStore.getState().view.x).toBe('gpuHours');
  await userEvent.click(screen.getByRole('checkbox', { name: 'Log X' }));
  expect(useAppStore.getState().view.logX).toBe(false);
  expect(point(container, 'llama-3.1-405b')).not.toBeNull();
});

test('scatter: clicking a point selects the model and hovering shows its values with statuses', async () => {
  const { container } = render(<ScatterView />);
  const c = point(container, 'deepseek-v3')!;
  fireEvent.mouseEnter(c);
  const tip = screen.getByRole('tooltip');
  expect(tip.textContent).toContain('DeepSeek-V3');
  expect(tip.textContent).toMatch(/computed/);
  fireEvent.click(c);
  expect(useAppStore.getState().view.selectedId).toBe('deepseek-v3');
});

test('scatter: a filter that matches nothing shows zero points, not an error', () => {
  const { container } = render(<ScatterView />);
  act(() => useAppStore.getState().setFilter('text', 'zzzz-no-model'));
  expect(container.querySelectorAll('g.point').length).toBe(0);
  expect(screen.getByText(/0 of 0 models shown/)).toBeTruthy();
});

test('bars: one bar per model with a score, sorted; API prices show input and output', async () => {
  const { container } = render(<BarsView />);
  expect(screen.getByText(/MMLU \(%\), \d+ models/)).toBeTruthy();
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'api');
  expect(screen.getByText(/API price per million tokens/)).toBeTruthy();
  expect(container.querySelector('svg')).not.toBeNull();
});

test('compare: the preset loads GPT-4, DeepSeek-V3 and R1; every relation reads one way, from the first model', async () => {
  const before = useAppStore.getState().assumptions;
  render(<CompareView />);
  await userEvent.click(screen.getByRole('button', { name: 'Load GPT-4, DeepSeek-V3 and R1' }));
  expect(useAppStore.getState().view.compareIds).toEqual(['gpt-4', 'deepseek-v3', 'deepseek-r1']);
  // it loads models only: the assumptions are the reader's
  expect(useAppStore.getState().assumptions).toBe(before);
  const table = screen.getByRole('table');
  const costRow = within(table).getByRole('row', { name: /Training cost incl\. base run/ });
  expect(costRow.textContent).toContain('$5.87M');
  // 3 significant figures: $111M (GPT-4 at ~280B active) ÷ $5.87M
  expect(costRow.textContent).toContain('GPT-4: 18.9× this');
  // the essays' seventeen times: reported $100M ÷ (V3 + R1 reported)
  const reported = within(table).getByRole('row', { name: /Reported cost incl\. base run/ });
  expect(reported.textContent).toContain('GPT-4: 17× this');
  // scores read the same way round: GPT-4's score minus this model's
  const mmlu = within(table).getAllByRole('row', { name: /^MMLU/ })[0]!;
  expect(mmlu.textContent).toMatch(/GPT-4: [\d.]+ pts (higher|lower)/);
  await userEvent.click(screen.getByRole('button', { name: 'Remove DeepSeek-R1 from compare' }));
  expect(useAppStore.getState().view.compareIds).toEqual(['gpt-4', 'deepseek-v3']);
});

test('hardware: a per-chip price changes only models on that chip', async () => {
  render(<HardwareView />);
  const cost = (id: string) =>
    selectRows(useAppStore.getState()).find((r) => r.model.id === id)?.estimate.costUsd?.value;
  const gpt4Before = cost('gpt-4');
  const input = screen.getByRole('spinbutton', { name: /Price for NVIDIA H800/ });
  fireEvent.change(input, { target: { value: '3' } });
  expect(useAppStore.getState().assumptions.usdPerGpuHourByChip).toEqual({ h800: 3 });
  expect(cost('deepseek-v3')).toBeCloseTo(2.788e6 * 3, 0);
  expect(cost('gpt-4')).toBe(gpt4Before);
  // how many curated models used each chip
  const onH800 = useAppStore.getState().dataset.models.filter((m) => m.chipId === 'h800').length;
  const h800Row = screen.getByRole('row', { name: /NVIDIA H800/ });
  expect(onH800).toBeGreaterThan(1);
  expect(within(h800Row).getByText(String(onH800), { selector: 'td' })).toBeTruthy();
});

test('sources: formulas, defaults and Epoch attribution are stated', () => {
  render(<SourcesView />);
  expect(screen.getByText(/6 · N/)).toBeTruthy();
  expect(screen.getAllByText(/CC BY 4.0/).length).toBeGreaterThan(0);
  expect(screen.getByText(/disclosed, \d+ third-party estimates, \d+ leaks/)).toBeTruthy();
});

test('derivation card: GPT-4 walks 6·N·D → FLOP → GPU-hours → USD → MWh with the leaked inputs named', () => {
  act(() => useAppStore.getState().select('gpt-4'));
  render(<DerivationCard />);
  const card = screen.getByRole('region', { name: /How GPT-4’s cost is derived/ });
  for (const step of ['FLOP per token', 'Training FLOP', 'GPU-hours', 'Training cost', 'Energy'])
    expect(within(card).getByText(step)).toBeTruthy();
  expect(card.textContent).toContain('leak / press');
  expect(card.textContent).toContain('Moves with: MFU');
  expect(card.textContent).toContain('Reported GPU-hours, not used in the estimate');
});

test('derivation card: DeepSeek-V3’s GPU-hours are fixed and its implied MFU is shown', () => {
  act(() => useAppStore.getState().select('deepseek-v3'));
  render(<DerivationCard />);
  const card = screen.getByRole('region', { name: /DeepSeek-V3/ });
  expect(card.textContent).toContain('Fixed: no slider moves this value');
  // full precision in the card: ≈33.1%, not a rounded 33%
  expect(card.textContent).toMatch(/Implied MFU from disclosed GPU-hours: ≈33\.\d+%/);
  // the wider accounting sits beside the run cost, never in it
  expect(card.textContent).toMatch(/Wider accounting for DeepSeek .*server capex ~\$1\.6B.*operating costs ~\$944M/);
});

test('trend and frontier: the fit is drawn, summarised, and residuals appear in tooltips and the table', async () => {
  act(() => {
    useAppStore.getState().setView('fit', true);
    useAppStore.getState().setView('pareto', true);
  });
  const { container } = render(<ScatterView />);
  expect(container.querySelector('.trend-line')).not.toBeNull();
  expect(container.querySelector('.trend-band')).not.toBeNull();
  expect(container.querySelector('.pareto-line')).not.toBeNull();
  expect(screen.getByText(/Trend over \d+ models: \+[\d.]+ points per 10× training cost/)).toBeTruthy();
  fireEvent.mouseEnter(container.querySelector('g.point[data-model-id="deepseek-r1"] circle')!);
  // the source documents' claim: R1 sits above the cost–performance trend
  expect(screen.getByRole('tooltip').textContent).toMatch(
    /points above the trend; [\d.]+× cheaper than the trend predicts/,
  );
});

test('the table gains residual and dominance columns when the trend and frontier are on', () => {
  act(() => {
    useAppStore.getState().setView('fit', true);
    useAppStore.getState().setView('pareto', true);
  });
  const { container } = render(<ModelTable />);
  expect(screen.getByRole('columnheader', { name: /Residual vs trend \(points\)/ })).toBeTruthy();
  const cell = container.querySelector('tr[data-model-id="deepseek-r1"] td[data-col="timesCheaper"]');
  expect(cell?.textContent).toMatch(/×/);
});

test('blocs over time: step lines per bloc and the US–China gap statement', async () => {
  const { default: TrendsView } = await import('../../src/features/trends/TrendsView');
  render(<TrendsView />);
  expect(screen.getByRole('img', { name: /Best MMLU score to date, by bloc/ })).toBeTruthy();
  expect(screen.getByText(/United States \(\d+ records?\)/)).toBeTruthy();
  expect(screen.getByText(/(leads|are level on) .*MMLU/)).toBeTruthy();
  // every record's score carries its status and opens its source
  await userEvent.click(screen.getByText(/Record-setting models/));
  const gpt3 = screen.getByText(/GPT-3 \(175B, davinci\) \(May 2020\)/).closest('li')!;
  await userEvent.click(within(gpt3).getByRole('button'));
  expect(within(gpt3).getByRole('dialog').textContent).toMatch(/estimate|Disclosed/i);
  expect(within(gpt3).getAllByRole('link')[0]?.getAttribute('href')).toMatch(/^https:/);
});

test('a note saved on a model is drawn on the scatter as a highlighted label', async () => {
  act(() => {
    useAppStore.getState().select('deepseek-r1');
    useAppStore.getState().setView('labels', false);
  });
  const { container } = render(
    <>
      <DerivationCard />
      <ScatterView />
    </>,
  );
  await userEvent.type(screen.getByLabelText(/Your note on DeepSeek-R1/), 'RL on top of V3');
  await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(useAppStore.getState().view.notes).toEqual({ 'deepseek-r1': 'RL on top of V3' });
  expect(container.querySelector('g.point--noted[data-model-id="deepseek-r1"]')).not.toBeNull();
  expect(screen.getByText('DeepSeek-R1: RL on top of V3')).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Remove note' }));
  expect(useAppStore.getState().view.notes).toEqual({});
});

test('scatter is keyboard-operable: arrows walk the models, Enter opens the derivation', async () => {
  render(<ScatterView />);
  const chart = screen.getByRole('group', { name: /Arrow keys move between models/ });
  chart.focus();
  await userEvent.keyboard('{End}');
  expect(screen.getByRole('tooltip').textContent).toMatch(/GPT-4\.5/);
  await userEvent.keyboard('{ArrowLeft}');
  const name = screen.getByRole('tooltip').querySelector('strong')?.textContent;
  expect(name).not.toBe('GPT-4.5');
  await userEvent.keyboard('{Enter}');
  expect(useAppStore.getState().view.selectedId).toBeDefined();
  expect(useAppStore.getState().dataset.models.find((m) => m.id === useAppStore.getState().view.selectedId)?.name).toBe(
    name,
  );
});

test('bars: clicking a bar opens that model’s derivation (its sources one click away)', () => {
  const { container } = render(<BarsView />);
  const first = container.querySelector('.recharts-bar-rectangle path, .recharts-bar-rectangle rect');
  expect(first).not.toBeNull();
  fireEvent.click(first!);
  // bars are sorted best first: the top MMLU score is DeepSeek-R1 or GPT-4.5 (both 90.8)
  expect(['deepseek-r1', 'gpt-4.5']).toContain(useAppStore.getState().view.selectedId);
});

test('table: a dense model’s active parameters show its total, with the total’s status and “= total (dense)”', async () => {
  const { container } = render(<ModelTable />);
  const active = (id: string) => container.querySelector(`tr[data-model-id="${id}"] td[data-col="activeParams"]`);
  // Qwen2-72B records no active count; Qwen's disclosed total stands in, marked as derived
  const qwen2 = active('qwen2-72b')!;
  expect(qwen2.textContent).toContain('72.7B');
  expect(qwen2.textContent).toContain('= total (dense)');
  expect(qwen2.querySelector('.value--disclosed')).not.toBeNull();
  // a mixture of experts shows its recorded active count, unmarked
  expect(active('deepseek-v3')!.textContent).toContain('37B');
  expect(active('deepseek-v3')!.textContent).not.toContain('= total');
  // an unknown architecture is not assumed dense in the table
  expect(active('gpt-4o')!.textContent).toBe('—');
  // the derived value's source says so
  await userEvent.click(
    within(qwen2 as HTMLElement).getByRole('button', { name: /72\.7B = total \(dense\), disclosed/ }),
  );
  expect(within(qwen2 as HTMLElement).getByRole('dialog', { name: 'Source' }).textContent).toMatch(
    /Dense model: active parameters = total/,
  );
});

test('derivation card: a dense model names its active parameters as the total (dense)', () => {
  act(() => useAppStore.getState().select('llama-3.1-405b'));
  render(<DerivationCard />);
  const card = screen.getByRole('region', { name: /Llama 3\.1 405B/ });
  expect(card.querySelector('.derivation__params')?.textContent).toMatch(/total 405B · active 405B = total \(dense\)/);
  expect(card.textContent).toContain('parameters (dense)');
});
