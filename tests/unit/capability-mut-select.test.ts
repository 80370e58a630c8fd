/**
 * What the selection hands to the tables and the export: a field is there only when it has a
 * value (a score without a note has no note; a version without a date has no date), so a table
 * cell or an exported column never reads "undefined".
 */
import { expect, test } from 'vitest';
import { selectObservations } from '../../src/domain/capability/select';
import { tinyCurated, tinyFile, tinySettings } from './capabilityFixture';

const emptyFields = (rows: readonly object[]) =>
  rows.flatMap((row, i) =>
    Object.entries(row)
      .filter(([, v]) => v === undefined)
      .map(([k]) => `${i}.${k}`),
  );

test('no version, benchmark or score carries a field without a value', () => {
  for (const sel of [
    selectObservations(tinyFile, tinySettings),
    selectObservations(tinyFile, tinySettings, tinyCurated),
    selectObservations(tinyFile, { ...tinySettings, data: 'all' }, tinyCurated),
  ]) {
    expect(emptyFields(sel.versions)).toEqual([]);
    expect(emptyFields(sel.benchmarks)).toEqual([]);
    expect(emptyFields(sel.observations)).toEqual([]);
    expect(emptyFields(sel.setAside)).toEqual([]);
    expect(emptyFields(sel.available)).toEqual([]);
    // the fixture has scores with and without notes, versions with and without dates and compute
    expect(sel.observations.some((o) => o.note)).toBe(true);
    expect(sel.observations.some((o) => !('note' in o))).toBe(true);
    expect(sel.versions.some((v) => !('date' in v))).toBe(true);
    expect(sel.versions.some((v) => !('epoch' in v))).toBe(true);
  }
});

test('a curated score of exactly 0% or 100% is fitted; one outside 0–100% is not; a full date is kept', () => {
  const base = tinyCurated.models[1]!;
  const score = (value: number) => ({ ...base.benchmarks.hle!, value });
  const curated = {
    ...tinyCurated,
    models: [
      ...tinyCurated.models,
      {
        ...base,
        id: 'cur-edge',
        name: 'Cur Edge',
        releaseDate: '2025-04-20',
        benchmarks: { mmlu: score(100), hle: score(0) },
      },
      { ...base, id: 'cur-out', name: 'Cur Out', benchmarks: { mmlu: score(100.5), hle: score(-0.5) } },
    ],
  };
  const sel = selectObservations(tinyFile, { ...tinySettings, data: 'all', minBenchmarks: 1 }, curated);
  const edge = sel.versions.findIndex((v) => v.id === 'curated:cur-edge');
  expect(sel.observations.filter((o) => o.version === edge).map((o) => o.value)).toEqual([1, 0]);
  // a full release date is kept as it is (only a month-only one becomes mid-month)
  expect(sel.versions[edge]!.date).toBe('2025-04-20');
  // nothing is left of the other: it is not fitted, nor listed as left out
  expect(sel.versions.some((v) => v.id === 'curated:cur-out')).toBe(false);
  expect(sel.leftOut.has('curated:cur-out')).toBe(false);
});

test('two curated scores on the same benchmark: the higher is fitted, whichever comes first', () => {
  const base = tinyCurated.models[1]!;
  const score = (value: number) => ({ ...base.benchmarks.hle!, value });
  // two of the curated dataset's benchmarks are the same Epoch benchmark
  const curated = {
    ...tinyCurated,
    benchmarks: [...tinyCurated.benchmarks, { ...tinyCurated.benchmarks[0]!, id: 'mmlu-5shot', name: 'MMLU 5-shot' }],
    map: {
      ...tinyCurated.map,
      benchmarks: {
        ...tinyCurated.map.benchmarks,
        'mmlu-5shot': { stitch: 'mmlu', fitted: true, why: 'the same benchmark, another prompt' },
      },
    },
    models: [
      {
        ...base,
        id: 'cur-hi-lo',
        name: 'Hi Lo',
        benchmarks: { mmlu: score(80), 'mmlu-5shot': score(70), hle: score(9) },
      },
      {
        ...base,
        id: 'cur-lo-hi',
        name: 'Lo Hi',
        benchmarks: { mmlu: score(70), 'mmlu-5shot': score(80), hle: score(9) },
      },
    ],
  };
  const sel = selectObservations(tinyFile, { ...tinySettings, data: 'all' }, curated);
  const mmlu = sel.benchmarks.findIndex((b) => b.id === 'mmlu');
  for (const id of ['curated:cur-hi-lo', 'curated:cur-lo-hi']) {
    const v = sel.versions.findIndex((x) => x.id === id);
    expect(sel.observations.filter((o) => o.version === v && o.benchmark === mmlu).map((o) => o.value)).toEqual([0.8]);
    expect(sel.setAside.filter((o) => o.version === v).map((o) => o.value)).toEqual([0.7]);
  }
});

test('benchmarks are listed in the data’s order, not in the order scores happen to come', () => {
  // Model A's GSM8K score first, then MMLU, then Winogrande
  const reordered = { ...tinyFile, scores: [...tinyFile.scores.slice(0, 4).reverse(), ...tinyFile.scores.slice(4)] };
  expect(reordered.scores.slice(0, 4).map((s) => s[1])).toEqual([2, 1, 1, 0]);
  const sel = selectObservations(reordered, tinySettings);
  expect(sel.benchmarks.map((b) => b.id)).toEqual(['winogrande', 'mmlu', 'gsm8k']);
  expect(sel.anchor).toBe(0);
});
