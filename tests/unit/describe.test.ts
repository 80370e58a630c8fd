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
