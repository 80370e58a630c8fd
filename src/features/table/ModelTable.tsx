import { useMemo, useState } from 'react';
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import { formatDate } from '../../domain/format';
import { selectVisibleRows, type Row } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ValueCell } from '../../ui/ValueCell';
import { benchmarkColumns, VALUE_COLUMNS, type ValueColumn } from './columns';
import { tableCsv } from './exportTable';
import { downloadBlob } from '../../ui/export/chartExport';
import { assumptionsSlug } from '../../domain/describe';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
});
const helper = createColumnHelper<typeof features, Row>();

function buildColumns(valueColumns: ValueColumn[]) {
  return helper.columns([
    helper.accessor((r) => r.model.name, {
      id: 'name',
      header: 'Model',
      cell: (info) => <ModelNameCell row={info.row.original} />,
      enableHiding: false,
    }),
    helper.accessor((r) => r.model.lab, { id: 'lab', header: 'Lab' }),
    helper.accessor((r) => r.model.bloc, {
      id: 'bloc',
      header: 'Bloc',
      cell: (info) => <span className={`bloc bloc--${blocClass(info.getValue())}`}>{info.getValue()}</span>,
    }),
    helper.accessor((r) => r.model.releaseDate, {
      id: 'date',
      header: 'Released',
      cell: (info) => formatDate(info.getValue()),
    }),
    helper.accessor((r) => (r.model.openWeights ? 'open' : 'closed'), { id: 'open', header: 'Weights' }),
    ...valueColumns.map((c) =>
      helper.accessor((r) => c.get(r)?.value, {
        id: c.id,
        header: c.header,
        sortUndefined: 'last',
        cell: (info) => <ValueCell value={c.get(info.row.original)} unit={c.unit} />,
      }),
    ),
  ]);
}

export function blocClass(bloc: string): string {
  return bloc.toLowerCase().replace(/[^a-z]+/g, '-');
}

function ModelNameCell({ row }: { row: Row }) {
  const select = useAppStore((s) => s.select);
  const selected = useAppStore((s) => s.view.selectedId === row.model.id);
  return (
    <button
      type="button"
      className={`model-name${selected ? ' model-name--selected' : ''}`}
      onClick={() => select(row.model.id)}
      aria-pressed={selected}
    >
      {row.model.name}
    </button>
  );
}

export function ModelTable() {
  const rows = useAppStore(selectVisibleRows);
  const allRows = useAppStore((s) => s.dataset.models.length);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const models = useAppStore((s) => s.dataset.models);
  const dataset = useAppStore((s) => s.dataset);
  const assumptions = useAppStore((s) => s.assumptions);
  // benchmark columns depend on the dataset, not on the slider values
  const valueColumns = useMemo(
    () => [
      ...VALUE_COLUMNS,
      ...benchmarkColumns(
        benchmarks,
        models.map((model) => ({ model }) as Row),
      ),
    ],
    [benchmarks, models],
  );
  const columns = useMemo(() => buildColumns(valueColumns), [valueColumns]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(valueColumns.map((c) => [c.id, c.defaultVisible])),
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.model.id,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
  });
  return (
    <div className="table-view">
      <div className="table-toolbar">
        <span className="count" aria-live="polite">
          {rows.length} of {allRows} models
        </span>
        <button
          type="button"
          onClick={() => {
            const visibleIds = new Set(table.getVisibleLeafColumns().map((c) => c.id));
            const csv = tableCsv(
              table.getRowModel().rows.map((r) => r.original),
              valueColumns.filter((c) => visibleIds.has(c.id)),
            );
            downloadBlob(
              new Blob([csv], { type: 'text/csv;charset=utf-8' }),
              `compute-ledger-${dataset.id}-${rows.length}-models-${assumptionsSlug(assumptions)}.csv`,
            );
          }}
        >
          Download CSV
        </button>
        <button
          type="button"
          onClick={() => {
            const json = JSON.stringify(
              {
                dataset: dataset.name,
                ...(dataset.version ? { version: dataset.version } : {}),
                ...(dataset.attribution ? { attribution: dataset.attribution } : {}),
                models: dataset.models,
              },
              null,
              2,
            );
            downloadBlob(new Blob([json], { type: 'application/json' }), `compute-ledger-${dataset.id}-dataset.json`);
          }}
        >
          Download dataset JSON
        </button>
        <details className="column-picker">
          <summary>Columns</summary>
          <div className="column-picker__list">
            {table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((c) => (
                <label key={c.id} className="check">
                  <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{' '}
                  {typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
                </label>
              ))}
          </div>
        </details>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Models table">
        <table className="models-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                        <table.FlexRender header={h} />
                        <span aria-hidden="true" className="th-sort__icon">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-model-id={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-col={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">No model matches these filters.</p>}
      </div>
    </div>
  );
}
