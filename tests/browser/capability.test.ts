import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
const SUMMARY = /model versions on \d+ benchmarks from/;

test('the Capability tab fits in a worker, shows every version and both charts, and the published settings give 179 versions', async () => {
  const { page, errors } = await openApp(h, '?view=capability', { width: 1440, height: 900 });
  await page.getByText(SUMMARY).waitFor({ timeout: 30_000 });
  const versions = page.getByRole('region', { name: 'Fitted model versions' });
  expect(await versions.locator('tbody tr').count()).toBe(60);
  await versions.getByRole('button', { name: /Show all \d+ versions/ }).click();
  await expect.poll(() => versions.locator('tbody tr').count()).toBeGreaterThan(200);
  await page.getByText(/Show the \d+ benchmark plots/).click();
  await expect
    .poll(() => page.getByRole('img', { name: /scores against the fitted curve/ }).count())
    .toBeGreaterThan(30);
  expect(await page.locator('.capability-layer g.point').count()).toBeGreaterThan(200);
  await expect.poll(() => page.getByText(/less training compute per year for the same capability/).count()).toBe(1);
  await page.getByRole('button', { name: 'Published settings (Ho et al. 2025)' }).click();
  await page.getByText(/179 model versions on 38 benchmarks from 1,324 scores/).waitFor({ timeout: 30_000 });
  await expect.poll(() => page.url()).toContain('cap=published');
  // the permalink reproduces it in a fresh page
  const again = await openApp(h, new URL(page.url()).search, { width: 1440, height: 900 });
  await again.page.getByText(/179 model versions on 38 benchmarks/).waitFor({ timeout: 30_000 });
  expect(again.errors).toEqual([]);
  await again.page.context().close();
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: resolve(shots, 'capability-1440.png') });
  await page
    .locator('section[aria-labelledby="cap-time-title"]')
    .screenshot({ path: resolve(shots, 'capability-time-1440.png') });
  await page
    .locator('section[aria-labelledby="cap-compute-title"]')
    .screenshot({ path: resolve(shots, 'capability-compute-1440.png') });
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('bootstrap intervals run in the worker with progress, can be cancelled, and leave the sliders responsive', async () => {
  const { page, errors } = await openApp(h, '?view=capability&cap=published', { width: 1440, height: 900 });
  await page.getByText(SUMMARY).waitFor({ timeout: 30_000 });
  const bootstrap = page.getByRole('radio', { name: /Bootstrap over scores/ });
  const progress = page.getByRole('progressbar', { name: 'Bootstrap refits done' });
  await bootstrap.check();
  await progress.waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => page.getByRole('radio', { name: /From the fit’s curvature/ }).isChecked()).toBe(true);
  expect(await progress.count()).toBe(0);
  // the address is written just after a change (store/urlSync), so it is polled
  await expect.poll(() => page.url()).not.toContain('capci=bootstrap');
  // again, to the end: progress advances while a slider still moves at once
  await bootstrap.check();
  await expect.poll(() => page.url()).toContain('capci=bootstrap');
  await progress.waitFor({ timeout: 15_000 });
  const mfu = page.getByRole('slider', { name: 'MFU' });
  await mfu.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => mfu.inputValue(), { timeout: 2_000 }).toBe('36');
  await page.getByText(/Bootstrap done: \d+ refits/).waitFor({ timeout: 90_000 });
  await expect.poll(() => page.getByText(/Intervals: bootstrap over scores/).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
}, 150_000);

test('the scatter plots capability (stitched) against compute with error bars, and the Epoch dataset opens on it', async () => {
  const { page, errors } = await openApp(h, '?y=capability&x=flop');
  await page.getByText(/one scale fitted jointly from/).waitFor({ timeout: 30_000 });
  expect(await page.locator('g.point[data-model-id="deepseek-v3"] line').count()).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: /^Dataset/ }).selectOption('epoch');
  await expect.poll(() => page.url(), { timeout: 60_000 }).toContain('dataset=epoch');
  await expect.poll(() => page.getByText(/of 989 models shown/).count(), { timeout: 60_000 }).toBe(1);
  await expect.poll(() => page.url()).toContain('y=capability');
  const shown = await page.getByText(/models shown/).innerText();
  const n = Number(/(\d+) of 989 models shown/.exec(shown)?.[1] ?? 0);
  expect(n).toBeGreaterThan(30);
  expect(shown).toMatch(/not shown: no capability \(stitched\)/);
  mkdirSync(shots, { recursive: true });
  await page.locator('.scatter-view').screenshot({ path: resolve(shots, 'capability-epoch-1440.png') });
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test('on a 375 px phone the Capability tab never scrolls the page sideways (wide tables scroll in place)', async () => {
  const { page, errors } = await openApp(h, '?view=capability', { width: 375, height: 800 });
  await page.locator('tr[data-version-id]').first().waitFor({ timeout: 60_000 });
  // open what is folded, so its tables are laid out too
  for (const d of await page.locator('[role="tabpanel"] details').all())
    await d.evaluate((e) => e.setAttribute('open', ''));
  const [pageWidth, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(pageWidth).toBeLessThanOrEqual(viewport);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the Capability tab has no serious or critical accessibility issue in either theme', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const { page } = await openApp(h, '?view=capability', { width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await page.getByText(SUMMARY).waitFor({ timeout: 30_000 });
    const result = await new AxeBuilder({ page }).analyze();
    const found = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${theme}: ${v.id} ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')}`);
    expect(found).toEqual([]);
    await page.context().close();
  }
}, 120_000);
