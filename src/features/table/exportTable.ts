/**
 * The table as CSV: exactly the visible rows (in their on-screen order) and value columns, each
 * value followed by its low–high range, status, source and note. Headers use the names on
 * screen, with units; statuses are worded as on screen ("third-party estimate"); computed values
 * say how much they rest on disclosed figures and are written to 6 significant figures (data
 * values exactly as recorded). A UTF-8 byte-order mark lets spreadsheets read × and · right, and
 * a last column carries the assumptions the computed values were made under.
 *
 * The row's identity columns (id, name, lab, country, bloc, release date, weights, architecture,
 * chip, base model…) always lead, so the file can be re-imported (data/importers reads it back).
 */
import { COMPANIONS, IDENTITY_NAMES, STATUS_WORDS, withUnit } from '../../data/columnNames';
import { toCsv, type CsvCell } from '../../data/csv';
import type { Model } from '../../data/schema';
import { dataStatuses, estimateReliance, RELIANCE_TEXT, relianceOf, type EstimateField } from '../../domain/reliance';
import type { Row } from '../../store/selectors';
import type { ValueColumn } from './columns';

export const IDENTITY_COLUMNS = Object.values(IDENTITY_NAMES);

/** Excel and LibreOffice read a CSV as UTF-8 only when it starts with this mark. */
export const UTF8_BOM = '\uFEFF';

/** Computed values are estimates: more digits than this would claim precision they do not have. */
const COMPUTED_DIGITS = 6;

/** the header of the last column: the assumptions every computed value in the file was made under */
export const COMPUTED_UNDER = 'Computed under (assumptions)';

const UNIT_LABEL: Record<string, string> = {
  params: 'count',
  tokens: 'count',
  count: 'count',
  flop: 'FLOP',
  'gpu-hours': 'GPU-hours',
  usd: 'USD',
  mwh: 'MWh',
  fraction: 'fraction',
  percent: '%',
  score: 'score',
  ratio: 'ratio',
  'usd/mtok': 'USD per million tokens',
  hours: 'hours',
};

/** "Training cost (USD)", "Energy (MWh)", "Training duration (hours)". */
export function csvHeaderFor(c: ValueColumn): string {
  return withUnit(c.header, UNIT_LABEL[c.unit]);
}

/** The engine's own figures, whose reliance includes the base model's run where the column does. */
const ESTIMATE_FIELD: Record<string, EstimateField> = {
  flop: 'flop',
  gpuHours: 'gpuHours',
  cost: 'cost',
  totalCost: 'totalCost',
  energy: 'energy',
};

const round = (n: number | undefined) => (n === undefined ? undefined : Number(n.toPrecision(COMPUTED_DIGITS)));

export function tableCsv(rows: Row[], columns: ValueColumn[], computedUnder?: string): string {
  const header: string[] = [...IDENTITY_COLUMNS];
  for (const c of columns) {
    const h = csvHeaderFor(c);
    header.push(h, ...Object.values(COMPANIONS).map((suffix) => `${h} ${suffix}`));
  }
  if (computedUnder !== undefined) header.push(COMPUTED_UNDER);
  const body = rows.map((r) => {
    const m: Model = r.model;
    const cells: CsvCell[] = [
      m.id,
      m.name,
      m.lab,
      m.country,
      m.bloc,
      m.releaseDate,
      m.openWeights,
      m.architecture,
      m.chipId,
      m.baseModelId,
      m.licence,
      m.notes,
      m.releaseSource?.title,
      m.releaseSource?.url,
    ];
    for (const c of columns) {
      const v = c.get(r);
      const marker = c.marker?.(r);
      if (marker) {
        // a derived value (a dense model's active = total) is not data: leave it out so a re-import
        // does not turn it into a figure someone reported, and say where it comes from
        cells.push(undefined, undefined, undefined, 'unknown', undefined, undefined, `${marker}: derived, not data`);
        continue;
      }
      if (!v) {
        cells.push(undefined, undefined, undefined, 'unknown', undefined, undefined, undefined);
        continue;
      }
      if ('provenance' in v) {
        const ranged = v.range[0] !== v.range[1];
        const computed = v.provenance === 'computed';
        const field = ESTIMATE_FIELD[c.id];
        const reliance = computed
          ? ((field ? estimateReliance(r.estimate)[field] : undefined) ?? relianceOf(dataStatuses(v, r.estimate)))
          : undefined;
        cells.push(
          computed ? round(v.value) : v.value,
          ranged ? (computed ? round(v.range[0]) : v.range[0]) : undefined,
          ranged ? (computed ? round(v.range[1]) : v.range[1]) : undefined,
          reliance ? `computed ${RELIANCE_TEXT[reliance].short}` : STATUS_WORDS[v.provenance].toLowerCase(),
          v.source?.title ?? v.method,
          v.source?.url,
          v.note,
        );
      } else
        cells.push(
          v.value,
          v.range?.[0],
          v.range?.[1],
          STATUS_WORDS[v.status].toLowerCase(),
          v.source.title,
          v.source.url,
          v.note,
        );
    }
    if (computedUnder !== undefined) cells.push(computedUnder);
    return cells;
  });
  return UTF8_BOM + toCsv(header, body);
}
