import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { AssumptionsPanel } from '../../src/features/assumptions/AssumptionsPanel';
import { ModelTable } from '../../src/features/table/ModelTable';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './helpers';

// whole tables and charts render in jsdom here: on a 2-core machine shared with other test runs a
// single test can pass 5 s (the default limit) with nothing wrong, so these get more time
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetStore({ view: 'table' }));

const cell = (container: HTMLElement, model: string, col: string) => {
  const td = container.querySelector(`tr[data-model-id="${model}"] td[data-col="${col}"]`);
  if (!td) throw new Error(`no cell ${model}/${col}`);
  return td as HTMLElement;
};

test('the four sliders have the public accessible names and ranges', () => {
  render(<AssumptionsPanel />);
  const expectations: [string, string, string, string][] = [
    ['MFU', '5', '80', '35'],
    ['GPU price', '0.25', '10', '2'],
    ['Power per GPU', '100', '3000', '700'],
    ['PUE', '1', '2', '1.2'],
  ];
  for (const [name, min, max, value] of expectations) {
    const slider = screen.getByRole('slider', { name });
    expect(slider.getAttribute('min')).toBe(min);
    expect(slider.getAttribute('max')).toBe(max);
    expect((slider as HTMLInputElement).value).toBe(value);
    expect(screen.getByRole('spinbutton', { name: `${name} value` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Reset ${name} to default` })).toBeTruthy();
  }
});

test('moving MFU changes estimated GPU-hours but never DeepSeek-V3’s disclosed ones', () => {
  const { container } = render(
    <>
      <AssumptionsPanel />
      <ModelTable />
    </>,
  );
  const gpt4Before = cell(container, 'gpt-4', 'gpuHours').textContent;
  const v3Before = cell(container, 'deepseek-v3', 'gpuHours').textContent;
  fireEvent.change(screen.getByRole('slider', { name: 'MFU' }), { target: { value: '50' } });
  expect(useAppStore.getState().assumptions.mfu).toBe(0.5);
  expect(cell(container, 'gpt-4', 'gpuHours').textContent).not.toBe(gpt4Before);
  expect(cell(container, 'deepseek-v3', 'gpuHours').textContent).toBe(v3Before);
  expect(cell(container, 'deepseek-v3', 'gpuHours').textContent).toContain('2.79M GPU-h');
});

test('typed values are clamped to the slider range; reset restores the default', async () => {
  render(<AssumptionsPanel />);
  const price = screen.getByRole('spinbutton', { name: 'GPU price value' });
  fireEvent.change(price, { target: { value: '50' } });
  // out of range: nothing applies while typing; leaving the field clamps
  expect(useAppStore.getState().assumptions.usdPerGpuHour).toBe(2);
  fireEvent.blur(price);
  expect(useAppStore.getState().assumptions.usdPerGpuHour).toBe(10);
  // typing digit by digit never passes through a clamped value ("4" is below 5% but 45 is fine)
  const mfu = screen.getByRole('spinbutton', { name: 'MFU value' });
  await userEvent.clear(mfu);
  await userEvent.type(mfu, '45');
  expect(useAppStore.getState().assumptions.mfu).toBe(0.45);
  await userEvent.tab();
  expect(useAppStore.getState().assumptions.mfu).toBe(0.45);
  await userEvent.click(screen.getByRole('button', { name: 'Reset GPU price to default' }));
  expect(useAppStore.getState().assumptions.usdPerGpuHour).toBe(2);
});

test('a value opens its source: disclosed GPU-hours link to the DeepSeek-V3 report', async () => {
  const { container } = render(<ModelTable />);
  const button = within(cell(container, 'deepseek-v3', 'gpuHours')).getByRole('button');
  await userEvent.click(button);
  const dialog = within(cell(container, 'deepseek-v3', 'gpuHours')).getByRole('dialog');
  expect(dialog.textContent).toContain('Disclosed');
  const link = within(dialog).getAllByRole('link')[0] as HTMLAnchorElement;
  expect(link.href).toMatch(/^https:\/\//);
});

test('computed cost explains its formula and the sliders it moves with', async () => {
  const { container } = render(<ModelTable />);
  await userEvent.click(within(cell(container, 'gpt-4', 'cost')).getByRole('button'));
  const dialog = within(cell(container, 'gpt-4', 'cost')).getByRole('dialog');
  expect(dialog.textContent).toContain('GPU-hours × USD per GPU-hour');
  expect(dialog.textContent).toContain('Moves with: MFU');
  expect(dialog.textContent).toContain('GPU price');
});

test('sorting by cost puts the most expensive first and unknown last', async () => {
  const { container } = render(<ModelTable />);
  const header = screen.getByRole('button', { name: /Training cost/ });
  // numbers sort largest-first on the first click
  await userEvent.click(header);
  const rows = [...container.querySelectorAll('tbody tr')];
  const costs = rows.map((r) => r.querySelector('td[data-col="cost"]')?.textContent ?? '');
  expect(costs[0]).not.toBe('—');
  expect(costs.at(-1)).toBe('—');
  expect(screen.getByRole('columnheader', { name: /Training cost/ }).getAttribute('aria-sort')).toBe('descending');
});

test('filters narrow the table and an empty result says so', () => {
  render(<ModelTable />);
  act(() => useAppStore.getState().setFilter('text', 'no such model anywhere'));
  expect(screen.getByText('No model matches these filters.')).toBeTruthy();
});
