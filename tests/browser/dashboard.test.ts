import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TABS = ['Scatter', 'Bars', 'Table', 'Compare', 'Blocs over time', 'Hardware', 'Sources & method'] as const;
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Opens a tab and waits until its lazily loaded view has replaced the loading placeholder. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tabpanel').waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="tabpanel"]')?.textContent?.includes('Loading view'));
  await page.waitForTimeout(100);
}

test('MFU moved with the keyboard changes an estimated model’s GPU-hours, never DeepSeek-V3’s disclosed ones', async () => {
  const { page, errors } = await openApp(h, '?view=table');
  const cell = (id: string) => page.locator(`tr[data-model-id="${id}"] td[data-col="gpuHours"]`).innerText();
  const gpt4Before = await cell('gpt-4');
  const v3Before = await cell('deepseek-v3');
  const mfu = page.getByRole('slider', { name: 'MFU' });
  await mfu.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => mfu.inputValue()).toBe('50');
  await expect.poll(() => cell('gpt-4')).not.toBe(gpt4Before);
  expect(await cell('deepseek-v3')).toBe(v3Before);
  // 6 × 280e9 active × 13e12 tokens = 2.184e25 FLOP; / (312e12 × 0.5 × 3600) = 38.9M GPU-hours,
  // and the 220B-active low end: 1.716e25 FLOP → 30.6M
  expect(await cell('gpt-4')).toMatch(/^≈38\.9M GPU-h\s+\(30\.6M–38\.9M GPU-h\)$/);
  await expect.poll(() => page.url()).toContain('mfu=0.5');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('switching axes and log scale redraws the scatter, and the URL records it', async () => {
  const { page, errors } = await openApp(h);
  await page.getByRole('combobox', { name: 'X axis' }).selectOption('gpuHours');
  await page.getByRole('checkbox', { name: 'Log Y' }).check();
  await page.getByRole('combobox', { name: 'Y axis' }).selectOption('gpqa-diamond');
  await expect.poll(() => page.getByRole('img', { name: /GPQA Diamond .* vs\. GPU-hours/ }).count()).toBe(1);
  expect(await page.locator('g.point').count()).toBeGreaterThan(3);
  await expect.poll(() => page.url()).toMatch(/x=gpuHours.*y=gpqa-diamond.*logy=1|logy=1.*x=gpuHours/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('filtering to open weights leaves only open-weight models in the table', async () => {
  const { page } = await openApp(h, '?view=table');
  // the table loads when its tab is first shown
  await page.locator('tbody tr').first().waitFor();
  const before = await page.locator('tbody tr').count();
  await page.getByRole('combobox', { name: 'Weights' }).selectOption('open');
  await expect.poll(() => page.locator('tbody tr').count()).toBeLessThan(before);
  const weights = await page.locator('tbody td[data-col="open"]').allInnerTexts();
  expect(new Set(weights)).toEqual(new Set(['open']));
  expect(await page.locator('tr[data-model-id="deepseek-v3"]').count()).toBe(1);
  expect(await page.locator('tr[data-model-id="gpt-4"]').count()).toBe(0);
  await page.context().close();
});

test('compare view: one click loads GPT-4, DeepSeek-V3 and R1', async () => {
  const { page, errors } = await openApp(h, '?view=compare');
  await page.getByRole('button', { name: 'Load GPT-4, DeepSeek-V3 and R1' }).click();
  const row = page.getByRole('row', { name: /Training cost incl\. base run/ });
  await expect.poll(() => row.innerText()).toContain('$5.87M');
  await expect.poll(() => page.url()).toContain('models=gpt-4%2Cdeepseek-v3%2Cdeepseek-r1');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('clicking a point opens its derivation card', async () => {
  const { page } = await openApp(h);
  await page.locator('g.point[data-model-id="gpt-4"] circle').click();
  const card = page.getByRole('region', { name: /How GPT-4’s cost is derived/ });
  await card.waitFor();
  expect(await card.innerText()).toContain('Training FLOP');
  await page.context().close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any tab (${theme} theme)`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}?sel=deepseek-v3&models=gpt-4,deepseek-v3`);
    await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
    const found: string[] = [];
    for (const tab of TABS) {
      await showTab(page, tab);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(
            `${tab}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`,
          );
    }
    expect(found).toEqual([]);
    await context.close();
    // axe takes 5–35 s a tab on a busy 2-core machine (the base commit too): seven tabs need more than 60 s
  }, 240_000);
}

test('screenshots of every tab at 1280×800 and 375×800 (written to test-results/screenshots)', async () => {
  mkdirSync(shots, { recursive: true });
  for (const [w, hgt] of [
    [1280, 800],
    [375, 800],
  ] as const) {
    const context = await h.browser.newContext({ viewport: { width: w, height: hgt } });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}?models=gpt-4,deepseek-v3,deepseek-r1`);
    await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
    for (const tab of TABS) {
      await showTab(page, tab);
      // nothing may stick out sideways at phone width: the page itself must not scroll horizontally
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${tab} at ${w}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      const name = tab.toLowerCase().replace(/[^a-z]+/g, '-');
      await page.screenshot({ path: resolve(shots, `${name}-${w}.png`) });
    }
    await context.close();
  }
});

test('large datasets draw on a canvas that redraws with the sliders and still exports', async () => {
  const { page, errors } = await openApp(h, '?dataset=epoch&x=date&logx=0&y=flop&logy=1');
  const canvas = page.locator('.canvas-layer canvas');
  await canvas.waitFor();
  expect(Number(await canvas.getAttribute('data-points'))).toBeGreaterThan(400);
  const drawn = Number(await canvas.getAttribute('data-drawn'));
  // FLOP does not move with MFU, but the chart is asked to redraw through the y metric switch
  await page.getByRole('combobox', { name: 'Y axis' }).selectOption('gpuHours');
  await expect.poll(async () => Number(await canvas.getAttribute('data-drawn'))).toBeGreaterThan(drawn);
  // some pixels are painted
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(1000);
  // a slider step moves every point: one full draw, not one with the old axes and another with the new
  const drawnNow = () => canvas.evaluate((c) => Number(c.getAttribute('data-drawn')));
  await page.waitForTimeout(300);
  const beforeStep = await drawnNow();
  await page.getByRole('slider', { name: 'MFU' }).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(drawnNow).toBeGreaterThan(beforeStep);
  await page.waitForTimeout(300);
  expect(await drawnNow()).toBe(beforeStep + 1);
  // hovering shows a tooltip without redrawing 989 points
  const box = (await canvas.boundingBox())!;
  for (let i = 0; i < 10; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.06), box.y + box.height * 0.5);
  await page.waitForTimeout(200);
  expect(await drawnNow()).toBe(beforeStep + 1);
  // a theme change does redraw: the points' colours come from the theme
  await page.getByRole('combobox', { name: /theme/i }).selectOption('dark');
  await expect.poll(drawnNow).toBeGreaterThan(beforeStep + 1);
  await expect.poll(() => page.locator('.attribution').innerText()).toContain('CC BY 4.0');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('analysis in Chromium: trend line, band and Pareto frontier are drawn; R1 sits above the trend', async () => {
  const { page, errors } = await openApp(h, '?fit=1&pareto=1');
  await page.locator('.trend-line').waitFor();
  expect(await page.locator('.trend-band').count()).toBe(1);
  expect(await page.locator('.pareto-line').count()).toBe(1);
  expect(await page.locator('.trend-summary').innerText()).toMatch(
    /Trend over \d+ models: \+[\d.]+ points per 10× training cost/,
  );
  await page.locator('g.point[data-model-id="deepseek-r1"] circle').hover();
  await expect
    .poll(() => page.getByRole('tooltip').innerText())
    .toMatch(/above the trend; [\d.]+× cheaper than the trend predicts/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a scenario sets assumptions and view in one click and reproduces its figures', async () => {
  const { page, errors } = await openApp(h, '?mfu=0.5&price=7');
  await page.getByRole('button', { name: 'DeepSeek’s own accounting' }).click();
  const row = page.getByRole('row', { name: /Training cost incl\. base run/ });
  await expect.poll(() => row.innerText()).toContain('$5.87M');
  expect(await page.getByRole('row', { name: /Training cost \(own run\)/ }).innerText()).toContain('$5.58M');
  expect(await page.getByRole('slider', { name: 'GPU price' }).inputValue()).toBe('2');
  await expect.poll(() => page.url()).toContain('view=compare');
  // the export-control world: V3 re-run on H20s
  await page.getByRole('button', { name: /Export-control world/ }).click();
  await expect.poll(() => page.getByRole('row', { name: /GPU-hours \(own run\)/ }).innerText()).toContain('17.6M');
  await expect.poll(() => page.url()).toContain('rehost=h20');
  expect(errors).toEqual([]);
  await page.context().close();
});
