import { memo, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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
import type { Row } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { DEFAULT_VIEW } from '../../store/url';
import { useDeferredVisibleRows } from '../../store/useDeferredRows';
import { ValueCell } from '../../ui/ValueCell';
import {
  benchmarkColumns,
  capabilityColumn,
  isLeadColumn,
  leadFirst,
  VALUE_COLUMNS,
  type ValueColumn,
} from './columns';
import { useCapabilityByModel } from '../../store/useCapability';
import { capabilityQuantity } from '../../store/capability';
import { tableCsv } from './exportTable';
import { analysisColumns } from './analysisColumns';
import { efficiencyColumns } from './efficiencyColumns';
import { analyse } from '../../store/analysis';
import { buildScatter } from '../../store/scatterState';
import { downloadBlob } from '../../ui/export/chartExport';
import { assumptionsLine, assumptionsSlug } from '../../domain/describe';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
});
const helper = createColumnHelper<typeof features, Row>();
const VIRTUALIZE_ABOVE = 150;
const ROW_HEIGHT = 26;

/** Identity columns: narrow, after what the product is about (scores, compute, cost). */
const IDENTITY_IDS = new Set(['lab', 'bloc', 'date', 'open']);

function buildColumns(valueColumns: ValueColumn[]) {
  const value = (c: ValueColumn) =>
    helper.accessor((r) => (c.sortValue ? c.sortValue(r) : c.get(r)?.value), {
      id: c.id,
      header: c.header,
      sortUndefined: 'last',
      cell: (info) => {
        const flag = c.flag?.(info.row.original);
        return (
          <>
            <ValueCell value={c.get(info.row.original)} unit={c.unit} marker={c.marker?.(info.row.original)} />
            {flag && <span className="value__flag">{flag}</span>}
          </>
        );
      },
    });
  const lead = valueColumns.filter(isLeadColumn);
  return helper.columns([
    helper.accessor((r) => r.model.name, {
      id: 'name',
      header: 'Model',
      cell: (info) => <ModelNameCell row={info.row.original} />,
      enableHiding: false,
    }),
    ...lead.map(value),
    helper.accessor((r) => r.model.bloc, {
      id: 'bloc',
      header: 'Bloc',
      cell: (info) => <span className={`bloc bloc--${blocClass(info.getValue())}`}>{info.getValue()}</span>,
    }),
    helper.accessor((r) => r.model.lab, { id: 'lab', header: 'Lab' }),
    helper.accessor((r) => r.model.releaseDate, {
      id: 'date',
      header: 'Released',
      cell: (info) => formatDate(info.getValue()),
    }),
    ...valueColumns.filter((c) => !isLeadColumn(c)).map(value),
    helper.accessor((r) => (r.model.openWeights ? 'open' : 'closed'), { id: 'open', header: 'Weights' }),
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
  const rows = useDeferredVisibleRows();
  return <TableBodyView rows={rows} />;
}

const TableBodyView = memo(function TableBodyView({ rows }: { rows: Row[] }) {
  const allRows = useAppStore((s) => s.dataset.models.length);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const models = useAppStore((s) => s.dataset.models);
  const dataset = useAppStore((s) => s.dataset);
  // benchmark columns depend on the dataset, not on the slider values
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  // the chart settings the columns depend on; a sort or column toggle does not rebuild them
  const { x, y, logX, logY, fit, fitSubset, pareto, ioRatio, colorBy } = view;
  const chartView = useMemo(
    () => ({ ...DEFAULT_VIEW, x, y, logX, logY, fit, fitSubset, pareto, ioRatio, colorBy }),
    [x, y, logX, logY, fit, fitSubset, pareto, ioRatio, colorBy],
  );
  // the scatter's trend and frontier, so residuals can be sorted and exported like any column
  const analysis = useMemo(
    () => (fit || pareto ? analyse(buildScatter(rows, benchmarks, chartView), chartView) : undefined),
    [rows, benchmarks, chartView, fit, pareto],
  );
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const { state: capState, byModel: capByModel } = useCapabilityByModel(true);
  // read through a ref, like the trend columns: the fit arriving must not rebuild the columns
  // (that would remount every cell and close an open source popover)
  const capRef = useRef({ result: capState.result, byModel: capByModel });
  capRef.current = { result: capState.result, byModel: capByModel };
  const valueColumns = useMemo(
    () => [
      // what the product is about leads: capability on one scale, scores, then compute and cost;
      // the CSV keeps this order
      capabilityColumn(
        (r) => {
          const { result, byModel } = capRef.current;
          const c = byModel.get(r.model.id);
          return c && result ? capabilityQuantity(result, c) : undefined;
        },
        (r) => capRef.current.byModel.get(r.model.id)?.value,
      ),
      ...benchmarkColumns(
        benchmarks,
        models.map((model) => ({ model }) as Row),
      ),
      ...leadFirst(VALUE_COLUMNS),
      ...efficiencyColumns(
        benchmarks.find((b) => b.id === chartView.y),
        chartView.ioRatio,
      ),
      ...(chartView.fit || chartView.pareto ? analysisColumns(() => analysisRef.current, chartView) : []),
    ],
    [benchmarks, models, chartView],
  );
  const columns = useMemo(() => buildColumns(valueColumns), [valueColumns]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // sort and column choices live in the view (and so in the permalink: sort=, cols=); only what
  // the reader toggled is kept, every other column follows its default, including columns that
  // appear later (trend residuals, efficiency for another benchmark)
  const defaults = useMemo(
    () => Object.fromEntries(valueColumns.map((c) => [c.id, c.defaultVisible])) as Record<string, boolean>,
    [valueColumns],
  );
  const columnVisibility = useMemo(() => ({ ...defaults, ...view.columns }), [defaults, view.columns]);
  const sorting: SortingState = view.sort;
  const addNotice = useAppStore((s) => s.addNotice);
  const known = useMemo(
    () => new Set(['name', 'lab', 'bloc', 'date', 'open', ...valueColumns.map((c) => c.id)]),
    [valueColumns],
  );
  useEffect(() => {
    // a permalink may name a column this dataset or view does not have: say so and drop it
    const unknownSort = view.sort.filter((c) => !known.has(c.id)).map((c) => c.id);
    const unknownCols = Object.keys(view.columns).filter((id) => !known.has(id));
    if (unknownSort.length > 0) {
      addNotice(`Ignored unknown column(s) in sort: ${unknownSort.join(', ')}.`);
      setView(
        'sort',
        view.sort.filter((c) => known.has(c.id)),
      );
    }
    if (unknownCols.length > 0) {
      addNotice(`Ignored unknown column(s) in cols: ${unknownCols.join(', ')}.`);
      setView('columns', Object.fromEntries(Object.entries(view.columns).filter(([id]) => known.has(id))));
    }
  }, [known, view.sort, view.columns, addNotice, setView]);
  // a new array (same rows, same ids) when the fit arrives, so a sort by capability is redone
  // while every cell, keyed by model id, keeps its state
  const capKey = capState.result?.key;
  const tableData = useMemo(() => (capKey === undefined ? rows : [...rows]), [rows, capKey]);
  const table = useTable({
    features,
    columns,
    data: tableData,
    getRowId: (r) => r.model.id,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) =>
      setView(
        'sort',
        (typeof updater === 'function' ? updater(sorting) : updater).map(({ id, desc }) => ({ id, desc })),
      ),
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      // keep only the choices that differ from a column's default, so links stay short
      const changed = Object.fromEntries(
        Object.entries({ ...view.columns, ...next }).filter(([id, shown]) => (defaults[id] ?? true) !== shown),
      );
      setView('columns', changed);
    },
  });
  // Long tables (Epoch's 1,000 models, imports of 10,000) render only the rows in view; short ones
  // render every row so the browser's find-in-page and screen readers see them all.
  const allTableRows = table.getRowModel().rows;
  const virtual = allTableRows.length > VIRTUALIZE_ABOVE;
  // this app does not use the React Compiler, so the compiler-compatibility warning does not apply
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? allTableRows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const shownRows = virtual ? items.map((i) => allTableRows[i.index]!).filter(Boolean) : allTableRows;
  const padTop = virtual && items.length > 0 ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual && items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const colCount = table.getVisibleLeafColumns().length;
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
              assumptionsLine(useAppStore.getState().assumptions),
            );
            downloadBlob(
              new Blob([csv], { type: 'text/csv;charset=utf-8' }),
              `compute-ledger-${dataset.id}-${rows.length}-models-${assumptionsSlug(useAppStore.getState().assumptions)}.csv`,
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
        <label className="inline-field">
          Input:output tokens{' '}
          <input
            type="number"
            className="io-ratio"
            min={0}
            max={100}
            step={0.5}
            value={view.ioRatio}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(n) && n >= 0 && n <= 100) setView('ioRatio', n);
            }}
          />
          :1
        </label>
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Models table" ref={scrollRef}>
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
                      className={IDENTITY_IDS.has(h.column.id) ? 'col--identity' : undefined}
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
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padTop, padding: 0, border: 0 }} colSpan={colCount} />
              </tr>
            )}
            {shownRows.map((row) => (
              <tr key={row.id} data-model-id={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-col={cell.column.id}
                    className={IDENTITY_IDS.has(cell.column.id) ? 'col--identity' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padBottom, padding: 0, border: 0 }} colSpan={colCount} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">No model matches these filters.</p>}
      </div>
    </div>
  );
});
