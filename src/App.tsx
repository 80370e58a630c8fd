import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { AssumptionsPanel } from './features/assumptions/AssumptionsPanel';
import { FiltersPanel } from './features/filters/FiltersPanel';
import { ImportPanel } from './features/import/ImportPanel';
import { ScenariosPanel } from './features/scenarios/ScenariosPanel';
import { DATASETS } from './data/datasets';
import { useAppStore } from './store/store';
import type { View } from './store/url';
import { StatusLegend } from './ui/StatusLegend';
import { Attribution } from './ui/Attribution';
import { QuickAssumptions } from './features/assumptions/QuickAssumptions';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { DerivationCard } from './features/derivation/DerivationCard';

const SourcesView = lazy(() => import('./features/sources/SourcesView'));
const ScatterView = lazy(() => import('./features/scatter/ScatterView'));
const BarsView = lazy(() => import('./features/bars/BarsView'));
const CompareView = lazy(() => import('./features/compare/CompareView'));
const HardwareView = lazy(() => import('./features/hardware/HardwareView'));
const TrendsView = lazy(() => import('./features/trends/TrendsView'));
const CapabilityView = lazy(() => import('./features/capability/CapabilityView'));
// the table (TanStack Table and Virtual) loads when first opened, not before the first chart
const ModelTable = lazy(() => import('./features/table/ModelTable').then((m) => ({ default: m.ModelTable })));

const TABS: { id: View; label: string; Component: ComponentType }[] = [
  { id: 'scatter', label: 'Scatter', Component: ScatterView },
  { id: 'capability', label: 'Capability', Component: CapabilityView },
  { id: 'bars', label: 'Bars', Component: BarsView },
  { id: 'table', label: 'Table', Component: ModelTable },
  { id: 'compare', label: 'Compare', Component: CompareView },
  { id: 'trends', label: 'Blocs over time', Component: TrendsView },
  { id: 'hardware', label: 'Hardware', Component: HardwareView },
  { id: 'sources', label: 'Sources & method', Component: SourcesView },
];

export function App() {
  const view = useAppStore((s) => s.view.view);
  const setView = useAppStore((s) => s.setView);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  const dataset = useAppStore((s) => s.dataset);
  const datasetStatus = useAppStore((s) => s.datasetStatus);
  const datasetError = useAppStore((s) => s.datasetError);
  const selectDataset = useAppStore((s) => s.selectDataset);
  const userDatasets = useAppStore((s) => s.userDatasets);
  const cardOpen = useAppStore((s) => s.view.selectedId !== undefined);

  useEffect(() => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
  }, [theme]);

  const active = TABS.find((t) => t.id === view) ?? TABS[0]!;
  return (
    <div className="app">
      <nav className="skip-links" aria-label="Skip links">
        <a href={`#panel-${active.id}`} onClick={skipToView}>
          {active.id === 'scatter' ? 'Skip to the chart' : `Skip to ${active.label}`}
        </a>
        <a href="#assumptions-title" onClick={skipTo('.sidebar .assumptions input')}>
          Skip to the assumptions
        </a>
      </nav>
      <header className="app-header">
        <div className="brand">
          <h1>Compute Ledger</h1>
          <p className="tagline">
            AI capability against the compute it cost — every number sourced, every estimate yours to adjust.
          </p>
        </div>
        <div className="header-controls">
          <label className="inline-field">
            Dataset{' '}
            <select
              value={dataset.id}
              onChange={(e) => void selectDataset(e.target.value)}
              aria-busy={datasetStatus === 'loading'}
            >
              {DATASETS.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
              {userDatasets.map((d) => (
                <option key={d.id} value={d.id}>
                  Imported: {d.name}
                  {d.mergeWithCurated ? ' + curated' : ''}
                </option>
              ))}
            </select>
          </label>
          {datasetStatus === 'loading' && <span role="status">Loading…</span>}
          <label className="inline-field">
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </header>
      {(notices.length > 0 || datasetError) && (
        <div className="notices" role="alert">
          <ul>
            {datasetError && <li>{datasetError} The previous dataset is still shown.</li>}
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <div className="layout">
        <aside className="sidebar" aria-label="Scenarios, assumptions and filters">
          <ScenariosPanel />
          <AssumptionsPanel />
          <FiltersPanel />
          <ImportPanel />
        </aside>
        <main className={`main${cardOpen ? ' main--card' : ''}`}>
          <QuickAssumptions />
          <div role="tablist" aria-label="Views" className="tabs">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={t.id === active.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={t.id === active.id ? 0 : -1}
                onClick={() => setView('view', t.id)}
                onKeyDown={(e) => {
                  const i = TABS.findIndex((x) => x.id === active.id);
                  const next =
                    e.key === 'ArrowRight'
                      ? TABS[(i + 1) % TABS.length]
                      : e.key === 'ArrowLeft'
                        ? TABS[(i - 1 + TABS.length) % TABS.length]
                        : undefined;
                  if (next) {
                    setView('view', next.id);
                    document.getElementById(`tab-${next.id}`)?.focus();
                  }
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <section
            role="tabpanel"
            id={`panel-${active.id}`}
            aria-labelledby={`tab-${active.id}`}
            className="tabpanel"
            tabIndex={-1}
          >
            <ErrorBoundary key={active.id} label={active.label}>
              <Suspense fallback={<p role="status">Loading view…</p>}>
                <active.Component />
              </Suspense>
            </ErrorBoundary>
          </section>
          <StatusLegend />
          {dataset.attribution && <Attribution attribution={dataset.attribution} />}
          <DerivationCard />
        </main>
      </div>
    </div>
  );
}

/** A skip link's target: the first of the selectors that exists, focused (not just scrolled to). */
function skipTo(...selectors: string[]) {
  return (e: React.MouseEvent) => {
    const target = selectors.map((sel) => document.querySelector<HTMLElement>(sel)).find(Boolean);
    if (!target) return;
    e.preventDefault();
    target.focus();
  };
}

/** The chart itself when there is one (one tab stop, arrow keys walk its points), else the view. */
const skipToView = skipTo('.tabpanel .chart-box[tabindex]', '.tabpanel .table-scroll[tabindex]', '.tabpanel');
