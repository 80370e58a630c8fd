/**
 * Bench rows for the capability index (issue #9): fit time in the worker (published settings on
 * Epoch's data; all data incl. the curated dataset), 200 bootstrap refits, slider responsiveness
 * while a bootstrap runs, and that none of the capability code or data loads before first paint.
 */
import type { Browser, Page } from 'playwright-core';

type SliderRun = (page: Page, sliderName: string) => Promise<{ inpP50: number; inpP95: number; updateP95: number }>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function fitMs(browser: Browser, appUrl: string, query: string): Promise<number> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${appUrl}${query}`);
  const summary = page.getByText(/model versions on \d+ benchmarks from/);
  await summary.waitFor({ timeout: 60_000 });
  const text = await summary.innerText();
  await ctx.close();
  const m = /\(([\d,]+) ms in the worker\)/.exec(text);
  if (!m) throw new Error(`no worker time in "${text}"`);
  return Number((m[1] as string).replace(/,/g, ''));
}

export interface CapabilityBench {
  publishedFitMs: number;
  allDataFitMs: number;
  bootstrapSeconds: number;
  bootstrapRefits: number;
  sliderWhileBootstrap: { inpP50: number; inpP95: number; updateP95: number; bootstrapStillRunning: boolean };
  capabilityRequestsBeforeFirstChart: string[];
}

export async function measureCapability(
  browser: Browser,
  appUrl: string,
  sliderRun: SliderRun,
  runs = 3,
): Promise<CapabilityBench> {
  // each in a fresh page: a cold worker, data loaded and parsed, the fit and its standard errors
  const published: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    published.push(await fitMs(browser, appUrl, '?view=capability&cap=published'));
    all.push(await fitMs(browser, appUrl, '?view=capability'));
  }

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${appUrl}?view=capability&cap=published`);
  await page.getByText(/model versions on \d+ benchmarks from/).waitFor({ timeout: 60_000 });
  await page.getByRole('radio', { name: /Bootstrap over scores/ }).check();
  const done = page.getByText(/Bootstrap done: \d+ refits in [\d.]+ s/);
  await done.waitFor({ timeout: 120_000 });
  const doneText = await done.innerText();
  await ctx.close();
  const [, refits, seconds] = /(\d+) refits in ([\d.]+) s/.exec(doneText) ?? [];

  // the sliders while the worker refits: the scatter plots capability, its bootstrap under way
  const sctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const spage = await sctx.newPage();
  await spage.goto(`${appUrl}?y=capability&x=flop&capci=bootstrap`);
  // the scatter has no progress bar: once the fit is on screen, the bootstrap starts at once
  await spage.getByText(/one scale fitted jointly from/).waitFor({ timeout: 60_000 });
  const slider = await sliderRun(spage, 'MFU');
  const stillRunning = await spage.evaluate(() => !/bootstrap over scores/.test(document.body.innerText));
  await sctx.close();

  // the default first page never asks for the capability code or data
  const fctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fpage = await fctx.newPage();
  const requested: string[] = [];
  fpage.on('request', (r) => requested.push(r.url()));
  await fpage.goto(appUrl);
  await fpage.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, {
    timeout: 20_000,
  });
  await fctx.close();

  return {
    publishedFitMs: median(published),
    allDataFitMs: median(all),
    bootstrapSeconds: Number(seconds),
    bootstrapRefits: Number(refits),
    sliderWhileBootstrap: { ...slider, bootstrapStillRunning: stillRunning },
    // the fit code (worker, runner) and its data; the tiny client and settings modules may load
    capabilityRequestsBeforeFirstChart: requested.filter((u) =>
      /stitching|capability\.worker|capabilityRunner|stitch-|curated-map|CapabilityView/i.test(u),
    ),
  };
}
