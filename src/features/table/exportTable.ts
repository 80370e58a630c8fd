/**
 * The table as CSV: exactly the visible rows (in their on-screen order) and value columns, each
 * value followed by its low–high range, status, source and note, units in the headers. The row's identity columns
 * (id, name, lab, country, bloc, release date, weights, architecture, chip, base model) always
 * lead, so the file can be re-imported.
 */
import { toCsv, type CsvCell } from '../../data/csv';
import type { Model } from '../../data/schema';
import type { Row } from '../../store/selectors';
import type { ValueColumn } from './columns';

export const IDENTITY_COLUMNS = [
  'id',
  'name',
  'lab',
  'country',
  'bloc',
  'releaseDate',
  'openWeights',
  'architecture',
  'chipId',
  'baseModelId',
  'licence',
  'notes',
  'releaseSource',
  'releaseSource url',
] as const;

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
  'usd/mtok': 'USD per million tokens',
  hours: 'hours',
};

export function csvHeaderFor(c: ValueColumn): string {
  return `${c.id} (${UNIT_LABEL[c.unit] ?? c.unit})`;
}

export function tableCsv(rows: Row[], columns: ValueColumn[]): string {
  const header: string[] = [...IDENTITY_COLUMNS];
  for (const c of columns)
    header.push(
      csvHeaderFor(c),
      `${c.id} low`,
      `${c.id} high`,
      `${c.id} status`,
      `${c.id} source`,
      `${c.id} source url`,
      `${c.id} note`,
    );
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
        cells.push(
          v.value,
          ranged ? v.range[0] : undefined,
          ranged ? v.range[1] : undefined,
          v.provenance,
          v.source?.title ?? v.method,
          v.source?.url,
          v.note,
        );
      } else cells.push(v.value, v.range?.[0], v.range?.[1], v.status, v.source.title, v.source.url, v.note);
    }
    return cells;
  });
  return toCsv(header, body);
}
