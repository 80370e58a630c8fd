/**
 * The derivation card of four models that each test one part of issue #10 — GPT-4 (estimated
 * run, leaked inputs), PaLM 2 (TPU), InstructGPT (Epoch's dataset: a fine-tune whose dataset size
 * is a count of prompts) and Kimi K2 Thinking (own run unknown) — under each cost basis, with
 * a screenshot of each card in test-results/screenshots/cost-basis/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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

const shots = resolve(import.meta.dirname, '../../test-results/screenshots/cost-basis');
const BASES = [
  ['rental', 'Rental'],
  ['market', 'Market'],
  ['amortized', 'Amortized (Epoch’s method)'],
] as const;

async function card(page: Page) {
  const c = page.getByRole('region', { name: /How .* cost is derived/ });
  await c.waitFor();
  return c;
}

/** Switches the basis with the control, as a reader would, and returns the card's text once it has repriced. */
async function chooseBasis(page: Page, label: string, basis: string) {
  await page.getByRole('radio', { name: label }).check();
  await expect
    .poll(() => page.url())
    .toMatch(basis === 'rental' ? /^(?!.*costbasis)/ : new RegExp(`costbasis=${basis}`));
  await page.waitForTimeout(150);
  return (await card(page)).innerText();
}

async function shoot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  const c = await card(page);
  await c.screenshot({ path: resolve(shots, `${name}.png`) });
}

test('GPT-4: rental $2/GPU-hour, market at AWS’s listed A100 price, amortized beside Epoch’s own figure', async () => {
  const { page, errors } = await openApp(h, '?sel=gpt-4', { width: 1280, height: 1800 });
  const texts: Record<string, string> = {};
  for (const [basis, label] of BASES) {
    texts[basis] = await chooseBasis(page, label, basis);
    await shoot(page, `gpt-4-${basis}`);
  }
  expect(texts.rental).toContain('Cost basis: rental');
  expect(texts.market).toContain('market price for NVIDIA A100 SXM4, 2021-06-15');
  expect(texts.amortized).toContain('NVIDIA A100 SXM4 acquisition price');
  expect(texts.amortized).toMatch(/Epoch AI’s figures for “GPT-4 \(Mar 2023\)”/);
  expect(texts.amortized).toMatch(/ours ÷ Epoch’s: 0\.\d+×/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('PaLM 2 on TPU v4: priced from the TPU’s own figures under market and amortized', async () => {
  const { page, errors } = await openApp(h, '?sel=palm-2', { width: 1280, height: 1800 });
  const texts: Record<string, string> = {};
  for (const [basis, label] of BASES) {
    texts[basis] = await chooseBasis(page, label, basis);
    await shoot(page, `palm-2-${basis}`);
  }
  expect(texts.market).toContain('market price for Google TPU v4, 2022-05-11');
  expect(texts.amortized).toContain('Google TPU v4 acquisition price');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('InstructGPT (Epoch dataset): Epoch’s figure is used because the dataset size is not tokens trained; GPT-3’s run is added', async () => {
  const { page, errors } = await openApp(h, '?dataset=epoch&sel=instructgpt-175b', { width: 1280, height: 2000 });
  const texts: Record<string, string> = {};
  for (const [basis, label] of BASES) {
    texts[basis] = await chooseBasis(page, label, basis);
    await shoot(page, `instructgpt-${basis}`);
  }
  expect(texts.rental).toContain('Epoch’s figure used: the dataset size is not tokens trained');
  expect(texts.rental).toContain('Base model run (GPT-3 175B (davinci))');
  expect(texts.rental).toMatch(/Training compute .*ours ÷ Epoch’s: 1(\.0\d)?×/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Kimi K2 Thinking: its own run is unknown, so its base run’s compute, cost and energy are shown, marked', async () => {
  const { page, errors } = await openApp(h, '?sel=kimi-k2-thinking', { width: 1280, height: 1800 });
  const texts: Record<string, string> = {};
  for (const [basis, label] of BASES) {
    texts[basis] = await chooseBasis(page, label, basis);
    await shoot(page, `kimi-k2-thinking-${basis}`);
  }
  for (const t of Object.values(texts)) {
    expect(t).toContain('Post-training run unknown');
    expect(t).toMatch(/Total, base model run only \(post-training run unknown\): .*FLOP .*\$[\d.]+M/);
  }
  // Kimi K2 trained on H800s: no sourced purchase price, so amortized says it fell back
  expect(texts.amortized).toContain('no sourced acquisition price for NVIDIA H800 SXM5');
  expect(errors).toEqual([]);
  await page.context().close();
});
