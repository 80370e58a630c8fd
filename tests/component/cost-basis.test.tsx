import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { AssumptionsPanel } from '../../src/features/assumptions/AssumptionsPanel';
import { ModelTable } from '../../src/features/table/ModelTable';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './helpers';

beforeEach(() => resetStore({ view: 'table' }));

const cell = (container: HTMLElement, model: string, col: string) => {
  const td = container.querySelector(`tr[data-model-id="${model}"] td[data-col="${col}"]`);
  if (!td) throw new Error(`no cell ${model}/${col}`);
  return td as HTMLElement;
};

test('“Cost basis” offers rental (default), market and amortized; choosing one reprices the table', () => {
  const { container } = render(
    <>
      <AssumptionsPanel />
      <ModelTable />
    </>,
  );
  const group = screen.getByRole('group', { name: 'Cost basis' });
  const rental = within(group).getByRole('radio', { name: 'Rental' });
  const amortized = within(group).getByRole('radio', { name: /Amortized/ });
  expect((rental as HTMLInputElement).checked).toBe(true);
  expect(within(group).getByRole('radio', { name: 'Market' })).toBeTruthy();
  const gpt4Rental = cell(container, 'gpt-4', 'cost').textContent;
  expect(gpt4Rental).toContain('$87.3M');
  // the amortisation parameters appear only with the amortized basis
  expect(screen.queryByRole('slider', { name: 'Server overhead' })).toBeNull();
  fireEvent.click(amortized);
  expect(useAppStore.getState().assumptions.costBasis).toBe('amortized');
  const gpt4Amortized = cell(container, 'gpt-4', 'cost').textContent;
  expect(gpt4Amortized).not.toBe(gpt4Rental);
  expect(gpt4Amortized).toContain('$27.2M');
  // disclosed GPU-hours never move with the basis
  expect(cell(container, 'deepseek-v3', 'gpuHours').textContent).toContain('2.79M GPU-h');
  // Epoch's own figure sits beside ours
  expect(cell(container, 'gpt-4', 'epochCost').textContent).toContain('$37.3M');
});

test('each amortisation parameter is a control with its default, its reason and a reset', () => {
  render(<AssumptionsPanel />);
  fireEvent.click(screen.getByRole('radio', { name: /Amortized/ }));
  const expectations: [string, string][] = [
    ['Server overhead', '1.64'],
    ['Cluster interconnect', '19'],
    ['Depreciation', '0.14'],
    ['Electricity price', '0.08'],
  ];
  for (const [name, value] of expectations) {
    const slider = screen.getByRole('slider', { name }) as HTMLInputElement;
    expect(slider.value).toBe(value);
    expect(screen.getByRole('button', { name: `Reset ${name} to default` })).toBeTruthy();
  }
  expect(screen.getByText(/Cottier et al.’s average/)).toBeTruthy();
  fireEvent.change(screen.getByRole('slider', { name: 'Cluster interconnect' }), { target: { value: '25' } });
  expect(useAppStore.getState().assumptions.interconnectShare).toBe(0.25);
  fireEvent.click(screen.getByRole('button', { name: 'Reset Cluster interconnect to default' }));
  expect(useAppStore.getState().assumptions.interconnectShare).toBe(0.19);
});

test('a post-trained model whose own run is unknown shows its base run, flagged, never nothing', () => {
  const { container } = render(<ModelTable />);
  const cost = cell(container, 'kimi-k2-thinking', 'cost');
  expect(cost.textContent).toMatch(/\$\d/);
  expect(cost.textContent).toContain('post-training run unknown');
  expect(cell(container, 'kimi-k2-thinking', 'flop').textContent).toContain('post-training run unknown');
  expect(cell(container, 'kimi-k2', 'cost').textContent).not.toContain('post-training');
});
