/**
 * The first hour of a new user (issue #12): what they click answers, in view; the keyboard
 * reaches the chart at once; a dataset switch never shows an empty chart; the table leads with
 * what the product is about; the bloc colours stay apart for every reader in both themes.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { colourDifference, parseCssRgb, VISIONS } from '../../src/domain/color';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 800 };

/** The derivation card's heading is inside the viewport (not below the fold) and has focus. */
async function cardInViewAndFocused(page: Page, name: RegExp) {
  const heading = page.getByRole('heading', { name });
  await heading.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('derivation-title');
  const box = await heading.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, 'card heading has a box').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
  // and the card shows its content, not just a title at the bottom edge
  const card = await page.locator('.derivation').boundingBox();
  expect(Math.min(card!.y + card!.height, vp.height) - Math.max(card!.y, 0)).toBeGreaterThan(vp.height * 0.4);
}

test('a click on a point opens the derivation card in view and moves focus to it (1440×900 and 375 px)', async () => {
  for (const viewport of [WIDE, PHONE]) {
    const { page, errors } = await openApp(h, '', viewport);
    await page.locator('g.point[data-model-id="gpt-4"] circle').first().click({ force: true });
    await cardInViewAndFocused(page, /How GPT-4’s cost is derived/);
    expect(errors).toEqual([]);
    await page.context().close();
  }
});

test('Enter on the keyboard-focused point opens the card in view; Escape closes it and the same point is active again', async () => {
  const { page, errors } = await openApp(h, '', WIDE);
  const chart = page.locator('.chart-box');
  await chart.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const live = page.locator('.scatter-view p[aria-live]').first();
  const active = (await live.innerText()).split(':')[0]!;
  expect(active.length).toBeGreaterThan(2);
  await page.keyboard.press('Enter');
  await cardInViewAndFocused(page, new RegExp(`How ${active.replace(/[()]/g, '.')}’s cost is derived`));
  // Escape from inside the card (focus on a control in it, not only the heading)
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.derivation').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('chart-box');
  await expect.poll(() => live.innerText()).toMatch(new RegExp(`^${active.replace(/[()]/g, '.')}:`));
  expect(await page.locator('.focus-ring').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Escape closes the card from the × button and from the chart; the table’s name button gets focus back', async () => {
  const { page, errors } = await openApp(h, '?view=table', WIDE);
  const name = page.locator('tr[data-model-id="deepseek-v3"] .model-name');
  await name.click();
  await cardInViewAndFocused(page, /How DeepSeek-V3’s cost is derived/);
  await page.getByRole('button', { name: 'Close derivation' }).focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.derivation').count()).toBe(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-model-id')))
    .toBe('deepseek-v3');
  // the × button itself closes it and returns focus the same way
  await name.click();
  await page.getByRole('button', { name: 'Close derivation' }).click();
  await expect.poll(() => page.locator('.derivation').count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-model-id'))).toBe(
    'deepseek-v3',
  );
  // with the chart focused and a card open, Escape closes the card
  await page.getByRole('tab', { name: 'Scatter' }).click();
  await page.locator('g.point[data-model-id="gpt-4"] circle').first().click({ force: true });
  await page.locator('.chart-box').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.derivation').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the Epoch dataset’s first chart has points: the view lands on capability against compute and says why', async () => {
  const { page, errors } = await openApp(h, '', WIDE);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('epoch');
  // the stitched capability index gives Epoch's models a y value; the points wait for the fit
  const chart = page.getByRole('img', {
    name: /^Capability \(stitched\) vs\. training compute \(FLOP\): [1-9]\d* models plotted/,
  });
  await chart.waitFor({ timeout: 60_000 });
  const plotted = Number(/(\d+) models plotted/.exec((await chart.getAttribute('aria-label')) ?? '')![1]);
  expect(plotted).toBeGreaterThan(40);
  expect(await page.locator('g.point').count()).toBe(plotted);
  expect(await page.locator('.chart-note--moved').innerText()).toBe(
    'Showing capability (stitched) against training compute: no MMLU scores in this dataset.',
  );
  // the models left out are counted, with the reason
  await expect
    .poll(() => page.locator('.chart-note').allInnerTexts())
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${plotted} of 989 models shown; \\d+ not shown: no capability`)),
      ]),
    );
  // options without data stay listed, disabled, with the reason
  const mmlu = page.locator('select option[value="mmlu"]').first();
  expect(await mmlu.isDisabled()).toBe(true);
  expect(await mmlu.innerText()).toContain('no scores in this dataset');
  await expect.poll(() => page.url()).toContain('x=flop');
  await expect.poll(() => page.url()).toContain('y=capability');
  // a permalink to the Epoch dataset with no axes lands there too
  const other = await openApp(h, '?dataset=epoch', WIDE);
  await other.page
    .getByRole('img', { name: /^Capability \(stitched\) vs\. training compute \(FLOP\): [1-9]\d* models plotted/ })
    .waitFor({ timeout: 60_000 });
  expect(await other.page.locator('g.point').count()).toBeGreaterThan(40);
  await other.page.context().close();
  expect(errors).toEqual([]);
  await page.context().close();
});

test('no log date axis: Log X is off and disabled for release dates, logx=1 is refused by name, no model dropped', async () => {
  const { page, errors } = await openApp(h, '?x=date&logx=1', WIDE);
  await expect.poll(() => page.getByRole('alert').innerText()).toContain('logx=1');
  const logX = page.getByRole('checkbox', { name: 'Log X' });
  expect(await logX.isChecked()).toBe(false);
  expect(await logX.isDisabled()).toBe(true);
  const note = await page.locator('.chart-note[aria-live]').innerText();
  expect(note).not.toContain('log axis');
  // every model with an MMLU score is plotted: the count shown equals the count the Y list gives
  const withScore = Number(
    /MMLU \((\d+)\)/.exec(await page.locator('select option[value="mmlu"]').first().innerText())![1],
  );
  expect(note).toMatch(new RegExp(`^${withScore} of \\d+ models shown`));
  // choosing Release date from the X list turns log off; going back to cost turns it on
  const fresh = await openApp(h, '', WIDE);
  await fresh.page.getByRole('combobox', { name: 'X axis' }).selectOption('date');
  expect(await fresh.page.getByRole('checkbox', { name: 'Log X' }).isChecked()).toBe(false);
  await fresh.page.getByRole('combobox', { name: 'X axis' }).selectOption('cost');
  expect(await fresh.page.getByRole('checkbox', { name: 'Log X' }).isChecked()).toBe(true);
  await fresh.page.context().close();
  expect(errors).toEqual([]);
  await page.context().close();
});

test('keyboard: the skip link reaches the chart in one Tab (and Enter); arrow keys then walk the points', async () => {
  const { page } = await openApp(h, '', WIDE);
  // the skip link lands on the chart once it is drawn (before that, on the tab panel)
  await page.locator('.tabpanel .chart-box[tabindex]').waitFor();
  let tabs = 0;
  while (tabs < 3) {
    await page.keyboard.press('Tab');
    tabs += 1;
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Skip to the chart') break;
  }
  expect(tabs).toBeLessThanOrEqual(3);
  // the link is visible when it has focus
  const link = await page.getByRole('link', { name: 'Skip to the chart' }).boundingBox();
  expect(link!.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('chart-box');
  await page.keyboard.press('ArrowRight');
  expect(await page.locator('.focus-ring').count()).toBe(1);
  // landmarks: one banner, one main, the sidebar named
  expect(await page.getByRole('main').count()).toBe(1);
  expect(await page.getByRole('banner').count()).toBe(1);
  expect(await page.getByRole('complementary', { name: 'Scenarios, assumptions and filters' }).count()).toBe(1);
  await page.context().close();
});

test('at 1440 px the table shows model, scores, cost, GPU-hours, FLOP and energy without scrolling sideways', async () => {
  const { page, errors } = await openApp(h, '?view=table', WIDE);
  await page.locator('tbody tr').first().waitFor();
  const right = (await page.locator('.table-scroll').boundingBox())!;
  for (const name of ['Model', 'MMLU (%)', 'Training cost (USD)', 'GPU-hours', 'Training FLOP', 'Energy']) {
    const th = await page
      .getByRole('columnheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
      .first()
      .boundingBox();
    expect(th, name).not.toBeNull();
    expect(th!.x + th!.width, `${name} is off-screen`).toBeLessThanOrEqual(right.x + right.width + 1);
  }
  // a click anywhere in a header cell sorts (not only on its label), and the sort is in the link
  const cost = page.getByRole('columnheader', { name: /^Training cost/ });
  const box = (await cost.boundingBox())!;
  await page.mouse.click(box.x + box.width - 4, box.y + 4);
  await expect.poll(() => cost.getAttribute('aria-sort')).not.toBe('none');
  await expect.poll(() => page.url()).toMatch(/sort=-?cost/);
  // Hardware: the price you set is on the first screen
  await page.getByRole('tab', { name: 'Hardware' }).click();
  const price = (await page.getByRole('columnheader', { name: /Your price/ }).boundingBox())!;
  const scroll = (await page.locator('.table-scroll').boundingBox())!;
  expect(price.x + price.width).toBeLessThanOrEqual(scroll.x + scroll.width + 1);
  expect(errors).toEqual([]);
  await page.context().close();
});

/** ΔE2000 ≥ 20 reads as a different colour at a glance (tests/unit/palette.test.ts states the same bar). */
const MIN_DE = 20;

for (const theme of ['light', 'dark'] as const) {
  test(`United States and Europe points differ by ΔE2000 ≥ ${MIN_DE} as drawn (${theme} theme, normal and dichromat vision)`, async () => {
    const context = await h.browser.newContext({ viewport: WIDE, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(h.baseUrl);
    await page.locator('g.point').first().waitFor();
    const colourOf = (id: string) =>
      page.locator(`g.point[data-model-id="${id}"] circle[data-reliance]`).evaluate((c) => getComputedStyle(c).stroke);
    // GPT-4 (OpenAI, United States) and Mistral Large 2 (Mistral AI, Europe) in the default view
    const us = parseCssRgb(await colourOf('gpt-4'));
    const eu = parseCssRgb(await colourOf('mistral-large-2'));
    for (const v of VISIONS) expect(colourDifference(us, eu, v), `${theme} ${v}`).toBeGreaterThanOrEqual(MIN_DE);
    await context.close();
  });
}

test('phone: a compact assumptions bar stays with the chart while it scrolls, and moves the estimates', async () => {
  const { page } = await openApp(h, '', PHONE);
  const bar = page.getByRole('group', { name: 'Quick assumptions' });
  await bar.waitFor();
  await page.mouse.wheel(0, 450);
  await page.waitForTimeout(200);
  const box = (await bar.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(-1);
  expect(box.y).toBeLessThan(60);
  const slider = page.getByRole('slider', { name: 'GPU price (quick)' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.url()).toContain('price=2.05');
  await page.context().close();
});

test('screenshots at 1440 and 375 px in both themes (test-results/screenshots; README shows them)', async () => {
  const dir = resolve(import.meta.dirname, '../../test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  const views: [string, string, string][] = [
    ['scatter', '', 'g.point'],
    ['scatter-card', '?sel=deepseek-v3', '.derivation'],
    ['analysis', '?fit=1&pareto=1', '.trend-line'],
    ['table', '?view=table', 'tbody tr'],
    ['blocs', '?view=trends', '.recharts-line'],
    ['compare', '?view=compare&models=gpt-4,deepseek-v3,deepseek-r1', '.compare-table'],
  ];
  for (const theme of ['light', 'dark'] as const)
    for (const viewport of [WIDE, PHONE]) {
      const context = await h.browser.newContext({ viewport, colorScheme: theme });
      const page = await context.newPage();
      for (const [name, query, ready] of views) {
        await page.goto(`${h.baseUrl}${query}`);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: resolve(dir, `${name}-${viewport.width}-${theme}.png`) });
      }
      await context.close();
    }
});
