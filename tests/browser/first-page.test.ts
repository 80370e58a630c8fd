import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const costCell = (modelId: string) => `tr[data-model-id="${modelId}"] td[data-col="cost"]`;

test('DeepSeek-V3 costs $5.58M at ?price=2 (disclosed GPU-hours × $2)', async () => {
  const { page, errors } = await openApp(h, '?price=2');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect.poll(() => page.locator(costCell('deepseek-v3')).innerText()).toContain('$5.58M');
  // estimated, not disclosed: the cell is marked as computed
  expect(await page.locator(`${costCell('deepseek-v3')} .value--computed`).count()).toBe(1);
  // the disclosed GPU-hours are shown as disclosed
  expect(await page.locator('tr[data-model-id="deepseek-v3"] td[data-col="gpuHours"] .value--disclosed').count()).toBe(
    1,
  );
  expect(errors).toEqual([]);
  await page.context().close();
});

test('assumptions come from the URL: price=3 gives $8.36M, and the URL survives a reload', async () => {
  const { page } = await openApp(h, '?price=3&view=table');
  await expect.poll(() => page.locator(costCell('deepseek-v3')).innerText()).toContain('$8.36M');
  await page.reload();
  await expect.poll(() => page.locator(costCell('deepseek-v3')).innerText()).toContain('$8.36M');
  await page.context().close();
});

test('a bad URL parameter is named in a notice and the page still works', async () => {
  const { page, errors } = await openApp(h, '?price=banana&mfu=7&view=table');
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.innerText()).toContain('price');
  expect(await alert.innerText()).toContain('mfu');
  await expect.poll(() => page.locator(costCell('deepseek-v3')).innerText()).toContain('$5.58M');
  expect(errors).toEqual([]);
  await page.context().close();
});
