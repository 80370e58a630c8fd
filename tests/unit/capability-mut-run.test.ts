/**
 * The bootstrap uses only refits that converged. On the test data every refit converges (the
 * solver is robust from any start), so the solver is wrapped: every third bootstrap refit reports
 * that it did not converge and returns a capability no interval could contain.
 */
import { expect, test, vi } from 'vitest';
import { bootstrapCapabilities, runCapabilityFit } from '../../src/domain/capability/run';
import type * as Stitch from '../../src/domain/capability/stitch';
import { tinyFile, tinySettings } from './capabilityFixture';

const refits = vi.hoisted(() => ({ count: 0, failed: 0 }));

vi.mock('../../src/domain/capability/stitch', async (importOriginal) => {
  const actual = await importOriginal<typeof Stitch>();
  return {
    ...actual,
    fitStitch: (...args: Parameters<typeof Stitch.fitStitch>): Stitch.StitchFit => {
      const fit = actual.fitStitch(...args);
      // bootstrap refits are the ones with a warm start
      if (!args[1].start || ++refits.count % 3 !== 0) return fit;
      refits.failed++;
      return { ...fit, converged: false, capability: fit.capability.map(() => 1e6) };
    },
  };
});

test('a refit that did not converge is not counted and adds nothing to any interval', () => {
  const r = runCapabilityFit(tinyFile, tinySettings, 'k');
  refits.count = 0;
  refits.failed = 0;
  const b = bootstrapCapabilities(r, 30, 5);
  expect(refits.failed).toBeGreaterThan(5);
  // every resample with the anchor was refitted; the ones that failed are not in the count
  expect(b.resamples).toBe(refits.count - refits.failed);
  for (const hi of b.hi) expect(hi).toBeLessThan(10);
});
