import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parseCuratedMap, parseStitching } from '../../src/data/capabilityData';
import { loadCurated, loadReference } from '../../src/data/datasets';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { runCapabilityFit } from '../../src/domain/capability/run';
import { DEFAULT_CAPABILITY_SETTINGS } from '../../src/domain/capability/settings';
import { capabilityByModel } from '../../src/store/capability';
import { progressView } from '../../src/store/capabilityProgress';
import { buildRows } from '../../src/store/selectors';

// the compute each fitted version is placed at, as the capability-against-compute fit reads it.
// Built on first use inside a test, not at load: code run at load is covered by no test, and
// mutation testing then reruns every test for each of its mutants (README "Mutation testing").
const root = resolve(import.meta.dirname, '../..');
const setup = (() => {
  let built: ReturnType<typeof build> | undefined;
  function build() {
    const file = parseStitching(JSON.parse(readFileSync(resolve(root, 'data/capability/stitching.json'), 'utf8')));
    const map = parseCuratedMap(
      JSON.parse(readFileSync(resolve(root, 'data/capability/joins/curated-map.json'), 'utf8')),
    );
    const { models } = loadCurated();
    const { benchmarks, chips } = loadReference();
    const result = runCapabilityFit(file, DEFAULT_CAPABILITY_SETTINGS, 'default', { models, benchmarks, map });
    /** where each fitted version sits on the compute axis, for the rows a set of assumptions gives */
    const viewFor = (rows: ReturnType<typeof buildRows>) =>
      progressView(
        result,
        rows,
        capabilityByModel(
          result,
          rows.map((r) => r.model),
          undefined,
        ),
        false,
      );
    const view = viewFor(buildRows(models, chips, DEFAULT_ASSUMPTIONS));
    return { models, chips, view, viewFor };
  }
  return () => (built ??= build());
})();
const at = (versionId: string) => setup().view.points.find((p) => p.id === versionId);

test('a fine-tune not in the curated data sits at Epoch’s cumulative compute, not its fine-tuning run alone', () => {
  // Epoch: DeepSeek-R1 (May 2025) 4.02e24 FLOP in total, of which 6.1e23 is its own fine-tuning
  const r1May = at('DeepSeek-R1-0528');
  expect(r1May?.compute.flop).toBeCloseTo(4.02e24, -21);
  expect(r1May?.compute.basis).toMatch(/^Epoch AI/);
});

test('a curated fine-tune counts its base model’s run from the row on screen', () => {
  const { view } = setup();
  const r1 = view.points.find((p) => p.version.curatedId === 'deepseek-r1');
  // V3's 6 × 37e9 × 14.8e12 = 3.29e24 plus R1's own run (Epoch: 1.8e23)
  expect(r1?.compute.flop).toBeGreaterThan(3.29e24);
  expect(r1?.compute.basis).toContain('incl. its base model DeepSeek-V3');
});

test('a row that counts only its base run gives way to Epoch’s figure for the whole model', () => {
  const { view } = setup();
  const k2t = view.points.find((p) => p.version.curatedId === 'kimi-k2-thinking');
  // K2's 2.98e24 alone would understate K2 Thinking; Epoch's 4.2e24 includes its RL run
  expect(k2t?.compute.flop).toBeCloseTo(4.2e24, -21);
  expect(k2t?.compute.basis).toContain('counts only its base run');
  // the base model itself still comes from the row on screen (6 × 32e9 × 15.5e12)
  const k2 = view.points.find((p) => p.version.curatedId === 'kimi-k2');
  expect(k2?.compute.flop).toBeCloseTo(2.976e24, -21);
  expect(k2?.compute.basis).toContain('row on screen');
});

test('MFU does not move the fit’s compute: FLOP is 6·N·D or a published figure, never GPU-hours × MFU', () => {
  const { models, chips, view, viewFor } = setup();
  const again = viewFor(buildRows(models, chips, { ...DEFAULT_ASSUMPTIONS, mfu: 0.5 }));
  // FLOP does not depend on MFU: 6·N·D and disclosed figures stay where they were
  for (const p of view.points) expect(again.points.find((q) => q.id === p.id)?.compute.flop).toBe(p.compute.flop);
});
