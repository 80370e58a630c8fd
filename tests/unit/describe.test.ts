import { expect, test } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { assumptionsLine, assumptionsSlug } from '../../src/domain/describe';

test('the exported assumptions line names the cost basis, and the amortisation parameters when amortized', () => {
  expect(assumptionsLine(DEFAULT_ASSUMPTIONS)).toBe(
    'MFU 35% · $2.00/GPU-h · 700 W · PUE 1.2 · cost basis: rental · compute basis: auto (disclosed › 6·N·D › third-party) · base-model runs included · full-cost ×1 · each model on its own chip · unknown chip = A100',
  );
  expect(assumptionsLine({ ...DEFAULT_ASSUMPTIONS, costBasis: 'market' })).toContain('cost basis: market');
  expect(
    assumptionsLine({ ...DEFAULT_ASSUMPTIONS, costBasis: 'amortized', purchaseUsdByChip: { h100: 30000 } }),
  ).toContain('cost basis: amortized (server ×1.64, network 19%, 0.14 OOM/year, $0.08/kWh, your chip prices)');
});

test('exported file names say which basis priced the chart', () => {
  expect(assumptionsSlug(DEFAULT_ASSUMPTIONS)).toBe('mfu35-price2');
  expect(assumptionsSlug({ ...DEFAULT_ASSUMPTIONS, costBasis: 'amortized' })).toBe('mfu35-price2-amortized');
});

test('every other assumption a chart moved with is in its line: chip prices, compute basis, base runs, what-if chip, ranges', () => {
  const line = assumptionsLine({
    ...DEFAULT_ASSUMPTIONS,
    usdPerGpuHourByChip: { h100: 2.5, 'tpu-v5p': 1.2 },
    basis: '6nd',
    includeBaseRun: false,
    costMultiplier: 2,
    rehostChipId: 'tpu-v5p',
    bands: true,
    mfuBand: [0.25, 0.5],
    priceBand: [1, 4],
    defaultChipId: 'h100',
  });
  expect(line).toBe(
    'MFU 35% · $2.00/GPU-h · 700 W · PUE 1.2 · cost basis: rental · per-chip prices: h100 $2.50/GPU-h, tpu-v5p $1.20/GPU-h · compute basis: 6·N·D · post-trained runs without their base model · full-cost ×2 · what if trained on TPU V5P · ranges: MFU 25%–50%, $1.00/GPU-h–$4.00/GPU-h · unknown chip = H100',
  );
  expect(assumptionsLine({ ...DEFAULT_ASSUMPTIONS, basis: 'reported' })).toContain(
    ' · compute basis: reported FLOP · ',
  );
  // amortized without the user's own chip prices does not claim them
  expect(assumptionsLine({ ...DEFAULT_ASSUMPTIONS, costBasis: 'amortized' })).toContain('$0.08/kWh) · ');
});
