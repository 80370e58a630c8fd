/**
 * Defence in depth, checked in the built page: the Content-Security-Policy and Trusted Types it
 * ships must (a) let everything the app really does run without a single violation, and (b)
 * stop markup or script that a future rendering bug would let through. Every test here fails
 * when the policy <meta> is missing from dist/index.html.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HEADER_CSP, PAGE_CSP, serializeCsp } from '../../src/security/csp';
import { startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'compute-ledger-security-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TABS = ['Scatter', 'Bars', 'Table', 'Compare', 'Blocs over time', 'Hardware', 'Sources & method'] as const;

type Recorded = Window & { __violations: string[] };

/**
 * A page whose every CSP / Trusted Types violation is recorded from before the app's first
 * script runs (an init script), plus uncaught errors and console errors.
 */
async function guardedPage(
  theme: 'light' | 'dark',
): Promise<{ context: BrowserContext; page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
  await context.addInitScript(() => {
    const w = window as unknown as Recorded;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample}) at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const violations = () => page.evaluate(() => [...(window as unknown as Recorded).__violations]);
  return { context, page, errors, violations };
}

async function open(page: Page, search = '') {
  await page.goto(`${h.baseUrl}${search}`);
  await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
}

/** Opens a tab and waits until its lazily loaded view has replaced the loading placeholder. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tabpanel').waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="tabpanel"]')?.textContent?.includes('Loading view'));
}

async function download(page: Page, buttonName: string): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).first().click(),
  ]);
  const path = join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return path;
}

/** Opens every source popover currently on screen (each lists its source links). */
async function openAllPopovers(page: Page, within = 'body'): Promise<number> {
  return page.evaluate((sel) => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>(`${sel} .value__button[aria-expanded="false"]`)];
    for (const b of buttons) b.click();
    return buttons.length;
  }, within);
}

const sourced = (title: string) => ({
  status: 'disclosed',
  source: { title, url: 'https://example.org/security-fixture' },
});

function importFixture(): string {
  const file = join(dir, 'security-fixture.json');
  writeFileSync(
    file,
    JSON.stringify({
      models: [
        {
          id: 'fixture-model',
          name: 'Fixture <img src=x onerror=alert(1)>',
          lab: 'Lab',
          country: 'France',
          bloc: 'Europe',
          releaseDate: '2025-01',
          openWeights: true,
          architecture: 'dense',
          totalParams: { value: 7e9, ...sourced('Fixture paper') },
          trainingTokens: { value: 2e12, ...sourced('Fixture paper') },
          benchmarks: {},
        },
      ],
    }),
  );
  return file;
}

test('the built page carries the policy in a <meta> before any script or stylesheet; _headers carries the header form', async () => {
  const html = await (await fetch(h.baseUrl)).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(meta, 'dist/index.html has no Content-Security-Policy <meta>').not.toBeNull();
  expect(meta![1]).toBe(serializeCsp(PAGE_CSP));
  expect(meta![1]).not.toContain('unsafe-');
  expect(meta![1]).toContain("require-trusted-types-for 'script'");
  const at = meta!.index;
  // the build always emits the entry script and stylesheet; preloads only when it splits chunks
  for (const later of ['<script', '<link rel="stylesheet"'])
    expect(html.indexOf(later), `${later} must come after the policy`).toBeGreaterThan(at);
  for (const m of html.matchAll(/<link rel="modulepreload"/g))
    expect(m.index, 'a modulepreload must come after the policy').toBeGreaterThan(at);
  const headers = readFileSync(resolve(import.meta.dirname, '../../dist/_headers'), 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${serializeCsp(HEADER_CSP)}`);
  expect(headers).toContain("frame-ancestors 'none'");
});

for (const theme of ['light', 'dark'] as const) {
  test(`every tab, a derivation card, exports, an import and the canvas layer run without one policy violation (${theme} theme)`, async () => {
    const { context, page, errors, violations } = await guardedPage(theme);
    await open(page, '?models=gpt-4,deepseek-v3,deepseek-r1');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // the policy is live in this document, not only present in the file
    expect(
      await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      ),
    ).toBe(serializeCsp(PAGE_CSP));

    for (const tab of TABS) await showTab(page, tab);

    await showTab(page, 'Scatter');
    await page.locator('g.point[data-model-id="gpt-4"] circle').click();
    const card = page.getByRole('region', { name: /How GPT-4’s cost is derived/ });
    await card.waitFor();
    expect(await openAllPopovers(page, '.derivation')).toBeGreaterThan(0);
    const png = readFileSync(await download(page, 'Download PNG'));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const svg = readFileSync(await download(page, 'Download SVG'), 'utf8');
    // chart colours survive export: they are inlined through the CSSOM, which the policy allows
    expect(svg).toMatch(/style="[^"]*fill: rgb\(/);

    await showTab(page, 'Table');
    expect(readFileSync(await download(page, 'Download CSV'), 'utf8')).toContain('DeepSeek-V3');
    await page.getByLabel('Import a dataset (JSON or CSV)').setInputFiles(importFixture());
    await page.getByRole('button', { name: 'Keep as its own dataset' }).click();
    await expect.poll(() => page.locator('tr[data-model-id="fixture-model"]').count()).toBe(1);
    expect(await openAllPopovers(page, 'tbody')).toBeGreaterThan(0);

    // 1,000 Epoch models: the scatter draws on a canvas, and its PNG export embeds that canvas
    await showTab(page, 'Scatter');
    await page.getByRole('combobox', { name: 'X axis' }).selectOption('date');
    await page.getByRole('combobox', { name: 'Y axis' }).selectOption('flop');
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('epoch');
    await page.locator('.canvas-layer canvas').waitFor({ timeout: 60_000 });
    expect([...readFileSync(await download(page, 'Download PNG')).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);

    // and the recorder does hear a violation when there is one
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.append('1');
      document.body.append(s);
    });
    await expect.poll(async () => (await violations()).length).toBe(1);
    await context.close();
  }, 150_000);
}

/**
 * Tries, from page script, what a careless renderer would do with hostile input. Each attempt
 * that gets through pushes its name onto window.__ran; each outcome says what stopped it.
 */
async function attemptInjections(page: Page): Promise<{ results: Record<string, string>; ran: string[] }> {
  return page.evaluate(async () => {
    const w = window as unknown as Recorded & { __ran: string[] };
    w.__ran = [];
    const attempts: Record<string, () => void> = {
      'innerHTML with an onerror handler': () => {
        const div = document.createElement('div');
        div.innerHTML = `<img src="data:," onerror="window.__ran.push('innerHTML')">`;
        document.body.append(div);
      },
      'insertAdjacentHTML with an ontoggle handler': () =>
        document.body.insertAdjacentHTML(
          'beforeend',
          `<details open ontoggle="window.__ran.push('adjacent')"></details>`,
        ),
      'an onerror attribute set on an element': () => {
        const img = document.createElement('img');
        img.setAttribute('onerror', "window.__ran.push('attribute')");
        img.src = 'data:,';
        document.body.append(img);
      },
      'an inline <script> appended to the body': () => {
        const s = document.createElement('script');
        s.textContent = "window.__ran.push('inline script')";
        document.body.appendChild(s);
      },
      'a <script> whose src is a string': () => {
        const s = document.createElement('script');
        s.src = `data:text/javascript,window.__ran.push('script src')`;
        document.body.appendChild(s);
      },
      'a javascript: link followed': () => {
        const a = document.createElement('a');
        a.href = "javascript:window.__ran.push('javascript: url')";
        document.body.append(a);
        a.click();
      },
      'eval of a string': () => {
        (0, eval)("window.__ran.push('eval')");
      },
    };
    const results: Record<string, string> = {};
    for (const [name, attempt] of Object.entries(attempts)) {
      const before = w.__violations.length;
      let thrown = '';
      try {
        attempt();
      } catch (e) {
        thrown = `${(e as Error).name}: ${(e as Error).message}`;
      }
      // violation reports and failed image loads arrive as tasks: let them land
      await new Promise((r) => setTimeout(r, 150));
      const reported = w.__violations.slice(before).map((v) => v.split(' ')[0]);
      results[name] = thrown || (reported.length ? `reported ${reported.join(', ')}` : 'nothing stopped it');
    }
    return { results, ran: w.__ran };
  });
}

test('script and event-handler markup injected through the DOM, as a rendering bug would, never runs', async () => {
  const { context, page, violations } = await guardedPage('light');
  await open(page);
  const outcomes = await attemptInjections(page);
  expect(outcomes.ran).toEqual([]);
  // Trusted Types turn the strings away before any element exists; CSP refuses string eval
  for (const [name, outcome] of Object.entries(outcomes.results))
    expect(outcome, name).toMatch(
      /^TypeError: .*requires 'Trusted(HTML|Script|ScriptURL)'|^EvalError|^reported script-src/,
    );
  expect(outcomes.results['innerHTML with an onerror handler']).toMatch(/TrustedHTML/);
  // nor can anyone add a policy that would let strings through again
  const passThrough = await page.evaluate(() => {
    const tt = (window as unknown as { trustedTypes: { createPolicy: (n: string, r: object) => unknown } })
      .trustedTypes;
    try {
      tt.createPolicy('default', { createHTML: (s: string) => s, createScript: (s: string) => s });
      return 'created';
    } catch (e) {
      return (e as Error).name;
    }
  });
  expect(passThrough).toBe('TypeError');
  expect(await violations()).not.toEqual([]);
  await context.close();
});

test('without Trusted Types (browsers that lack them) the policy’s script-src alone still stops every attempt', async () => {
  const { context, page, violations } = await guardedPage('light');
  // the shipped page with only the Trusted Types directives taken out of its policy
  await page.route(h.baseUrl, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/; require-trusted-types-for [^;"]*; trusted-types [^;"]*/, '');
    await route.fulfill({ response, body: html });
  });
  await open(page);
  const policy = await page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
  );
  expect(policy ?? 'no policy at all').toContain("script-src 'self'");
  expect(policy).not.toContain('trusted-types');
  const outcomes = await attemptInjections(page);
  expect(outcomes.ran).toEqual([]);
  for (const [name, outcome] of Object.entries(outcomes.results))
    expect(outcome, name).toMatch(/^reported script-src-(elem|attr)|^EvalError/);
  expect(await violations()).not.toEqual([]);
  await context.close();
});

test('every link the app renders is an http(s) address opening in a new tab with noopener noreferrer', async () => {
  const { context, page, errors } = await guardedPage('light');
  await open(page, '?models=gpt-4,deepseek-v3,deepseek-r1');
  const links = new Map<
    string,
    { href: string | null; target: string | null; rel: string; where: string; inPageTargetExists: boolean | null }
  >();
  const collect = async (where: string) => {
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'),
        // an in-page link (skip link) must land on an element that exists
        inPageTargetExists: a.getAttribute('href')?.startsWith('#')
          ? !!document.getElementById(a.getAttribute('href')!.slice(1))
          : null,
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel') ?? '',
        text: a.textContent ?? '',
        inPopover: !!a.closest('.popover'),
        inCard: !!a.closest('.derivation'),
      })),
    );
    for (const l of found)
      links.set(`${l.href} ${l.text}`, { ...l, where: `${where}${l.inPopover ? ' popover' : ''}` });
    return found;
  };

  for (const tab of TABS) {
    await showTab(page, tab);
    await openAllPopovers(page, '[role="tabpanel"]');
    await collect(tab);
  }
  await showTab(page, 'Scatter');
  await page.locator('g.point[data-model-id="deepseek-v3"] circle').click();
  await page.getByRole('region', { name: /How DeepSeek-V3’s cost is derived/ }).waitFor();
  await openAllPopovers(page, '.derivation');
  const inCard = (await collect('derivation card')).filter((l) => l.inCard);
  // an imported dataset's sources go through the same renderer
  await showTab(page, 'Table');
  await page.getByLabel('Import a dataset (JSON or CSV)').setInputFiles(importFixture());
  await page.getByRole('button', { name: 'Merge with the curated data' }).click();
  await expect.poll(() => page.locator('tr[data-model-id="fixture-model"]').count()).toBe(1);
  await openAllPopovers(page, 'tr[data-model-id="fixture-model"]');
  await collect('imported dataset');

  const all = [...links.values()];
  // the walk reached the places links live: sidebar scenarios, sources, popovers, the card
  expect(all.length).toBeGreaterThan(30);
  expect(all.filter((l) => l.where.endsWith('popover')).length).toBeGreaterThan(10);
  expect(inCard.length).toBeGreaterThan(0);
  expect(all.some((l) => l.href === 'https://example.org/security-fixture')).toBe(true);
  // skip links are the only in-page anchors; each must reach its target and open in place
  const inPage = all.filter((l) => l.href?.startsWith('#'));
  expect(inPage.length).toBeGreaterThan(0);
  expect(inPage.filter((l) => !l.inPageTargetExists || l.target !== null)).toEqual([]);
  const bad = all.filter(
    (l) =>
      l.inPageTargetExists === null &&
      (!/^https?:\/\//.test(l.href ?? '') ||
        l.target !== '_blank' ||
        !l.rel.split(/\s+/).includes('noopener') ||
        !l.rel.split(/\s+/).includes('noreferrer')),
  );
  expect(bad).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
