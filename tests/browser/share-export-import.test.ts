import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'compute-ledger-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function download(page: Page, buttonName: string): Promise<{ path: string; name: string }> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).first().click(),
  ]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { path, name: dl.suggestedFilename() };
}

test('PNG export: a real PNG at 2× the chart’s size, named for what it shows', async () => {
  const { page, errors } = await openApp(h);
  await page.locator('g.point').first().waitFor();
  const svgBox = await page.locator('.chart-box svg.recharts-surface').first().boundingBox();
  const { path, name } = await download(page, 'Download PNG');
  expect(name).toMatch(/^compute-ledger-mmlu-vs-training-cost-mfu35-price2\.png$/);
  const png = readFileSync(path);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBe(Math.round(svgBox!.width) * 2);
  // chart + title block + legend/source footer
  expect(height).toBeGreaterThan(Math.round(svgBox!.height) * 2);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('SVG export parses, carries the title, the assumptions and the source, and escapes model names', async () => {
  // a note with markup in it: it must come out as text, not as an element
  const { page } = await openApp(
    h,
    `?mfu=0.5&price=3&note=${encodeURIComponent('gpt-4:<script>alert(1)</script> & <b>bold</b>')}`,
  );
  await page.locator('g.point').first().waitFor();
  const { path } = await download(page, 'Download SVG');
  const svg = readFileSync(path, 'utf8');
  // parsed in a blank page: the app's Trusted Types refuse DOMParser on a plain string
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('title')?.textContent,
      text: doc.documentElement.textContent,
      scripts: doc.querySelectorAll('script, b').length,
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.title).toBe('MMLU (%) vs. training cost (USD)');
  expect(parsed.text).toContain('MFU 50% · $3.00/GPU-h · 700 W · PUE 1.2');
  expect(parsed.text).toContain('Source: Compute Ledger');
  expect(svg).not.toContain('var(--');
  expect(parsed.scripts).toBe(0);
  expect(parsed.text).toContain('GPT-4: <script>alert(1)</script> & <b>bold</b>');
  await page.context().close();
});

test('table CSV downloads the visible rows and round-trips through the importer', async () => {
  const { page } = await openApp(h, '?view=table&open=open');
  // the table loads when its tab is first shown
  await page.locator('tbody tr').first().waitFor();
  const visible = await page.locator('tbody tr').count();
  const { path } = await download(page, 'Download CSV');
  const csv = readFileSync(path, 'utf8');
  expect(csv.trim().split(/\r\n/).length).toBe(visible + 1);
  // a spreadsheet reads it as UTF-8; the columns are named as on screen
  expect(csv.startsWith('\uFEFFModel id,Model,')).toBe(true);
  expect(csv.split('\r\n')[0]).toContain(
    'Training cost (USD),Training cost (USD) low,Training cost (USD) high,Training cost (USD) status,Training cost (USD) source,Training cost (USD) source URL,Training cost (USD) note',
  );
  expect(csv.split('\r\n')[0]).toMatch(/,Computed under \(assumptions\)$/);
  expect(csv).toContain('MFU 35% · $2.00/GPU-h · 700 W · PUE 1.2 · cost basis: rental · compute basis: auto');
  await page.getByLabel('Import a dataset (JSON or CSV)').setInputFiles(path);
  await expect.poll(() => page.locator('.import__result').innerText()).toContain(`${visible} valid`);
  expect(await page.locator('.import__problems').count()).toBe(0);
  await page.context().close();
});

test('a permalink opened in a new page reproduces sliders, axes and the compare list; Back undoes a change', async () => {
  const { page } = await openApp(h);
  const mfu = page.getByRole('slider', { name: 'MFU' });
  await mfu.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('combobox', { name: 'X axis' }).selectOption('flop');
  await page.getByRole('checkbox', { name: 'Log Y' }).check();
  await page.getByRole('spinbutton', { name: 'GPU price value' }).fill('3.5');
  await expect.poll(() => page.url()).toContain('price=3.5');
  const link = page.url();
  const other = await openApp(h, link.slice(h.baseUrl.length));
  expect(await other.page.getByRole('slider', { name: 'MFU' }).inputValue()).toBe('40');
  expect(await other.page.getByRole('slider', { name: 'GPU price' }).inputValue()).toBe('3.5');
  expect(await other.page.getByRole('combobox', { name: 'X axis' }).inputValue()).toBe('flop');
  expect(await other.page.getByRole('checkbox', { name: 'Log Y' }).isChecked()).toBe(true);
  await other.page.context().close();
  // five key presses made one history entry, not five
  await page.waitForTimeout(600);
  await page.goBack();
  await expect.poll(() => page.getByRole('checkbox', { name: 'Log Y' }).isChecked()).toBe(false);
  await page.context().close();
});

test('a hostile import is rejected with row and field named while the previous data stays on screen', async () => {
  const { page, errors } = await openApp(h, '?view=table');
  await page.locator('tbody tr').first().waitFor();
  const before = await page.locator('tbody tr').count();
  const bad = join(dir, 'hostile.csv');
  writeFileSync(
    bad,
    [
      'id,name,lab,country,bloc,releaseDate,openWeights,architecture,tokens (count),tokens status,tokens source,tokens source url',
      'evil,<img src=x onerror=alert(1)>,Lab,X,Other,2024-01,true,dense,-5,disclosed,Paper,https://example.org',
      'link,Link,Lab,X,Other,2024-01,true,dense,10,leak,Paper,javascript:alert(1)',
    ].join('\n'),
  );
  await page.getByLabel('Import a dataset (JSON or CSV)').setInputFiles(bad);
  const alert = page.locator('.import__problems');
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toContain('row 2, trainingTokens: expected a positive number, got "-5"');
  expect(text).toContain(
    'row 3, trainingTokens source: expected a source title and an http(s) URL, got "javascript:alert(1)"',
  );
  expect(text).toContain('Nothing was imported');
  expect(await page.locator('tbody tr').count()).toBe(before);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('an imported dataset survives a reload; a corrupted storage entry does not break start-up', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}?view=table`);
  await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
  const file = join(dir, 'mine.json');
  writeFileSync(
    file,
    JSON.stringify({
      models: [
        {
          id: 'my-model',
          name: 'My Model',
          lab: 'Me',
          country: 'France',
          bloc: 'Europe',
          releaseDate: '2026-01',
          openWeights: true,
          architecture: 'dense',
          totalParams: {
            value: 7e9,
            status: 'disclosed',
            source: { title: 'My paper', url: 'https://example.org/paper' },
          },
          trainingTokens: {
            value: 2e12,
            status: 'disclosed',
            source: { title: 'My paper', url: 'https://example.org/paper' },
          },
          benchmarks: {},
        },
      ],
    }),
  );
  await page.getByLabel('Import a dataset (JSON or CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Keep as its own dataset' }).click();
  await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  await expect.poll(() => page.url()).toContain('dataset=user-mine');
  await page.reload();
  await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
  await expect.poll(() => page.locator('tr[data-model-id="my-model"]').count()).toBe(1);
  // 7e9 × 2e12 × 6 = 8.4e22 FLOP, computed on the default chip
  expect(await page.locator('tr[data-model-id="my-model"] td[data-col="flop"]').innerText()).toContain('8.4e22');

  // now damage what was saved, and the preferences too
  await page.evaluate(async () => {
    localStorage.setItem('compute-ledger:prefs', '{not json');
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('compute-ledger');
      req.onsuccess = () => {
        const tx = req.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put({ version: 1, datasets: [{ id: 'user-x', models: 'truncated' }] }, 'user-datasets');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.baseUrl);
  await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
  const notices = await page.locator('.notices').innerText();
  expect(notices).toMatch(/damaged|could not be read/);
  expect(await page.getByRole('tab', { name: 'Scatter' }).count()).toBe(1);
  await expect.poll(() => page.locator('g.point').count()).toBeGreaterThan(5);
  expect(errors).toEqual([]);
  await context.close();
});

test('a file dropped on the import area is imported like a picked one', async () => {
  const { page, errors } = await openApp(h, '?view=table');
  await page.evaluate(() => {
    const json = JSON.stringify([
      {
        id: 'dropped',
        name: 'Dropped Model',
        lab: 'Lab',
        country: 'France',
        bloc: 'Europe',
        releaseDate: '2025-05',
        openWeights: true,
        architecture: 'dense',
        benchmarks: {},
      },
    ]);
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    document
      .querySelector('[data-testid="dropzone"]')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => page.locator('.import__result').innerText()).toContain('1 valid');
  await page.getByRole('button', { name: 'Merge with the curated data' }).click();
  await expect.poll(() => page.locator('tr[data-model-id="dropped"]').count()).toBe(1);
  expect(await page.locator('tr[data-model-id="deepseek-v3"]').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});
