import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyUrl, useAppStore } from './store/store';
import { startUrlSync } from './store/urlSync';
import { checkBundledData } from './data/datasets';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');

// saved datasets first, so a permalink to an imported dataset can open it
void useAppStore
  .getState()
  .restore()
  .catch(() => undefined)
  .then(() => applyUrl(window.location.search))
  .finally(() => {
    startUrlSync();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    // the bundled data is checked once the first chart is up (see data/datasets.ts)
    afterFirstChart(() => {
      void checkBundledData().then((problems) => {
        if (problems.length > 0)
          useAppStore
            .getState()
            .addNotice(
              `The bundled data has ${problems.length} problem(s), first: ${problems[0]?.path}: ${problems[0]?.message}. Figures may be wrong until it is fixed.`,
            );
      });
    });
  });

/** The first chart's mark is set by the scatter; other first views fall back to a short wait. */
const FIRST_CHART_FALLBACK_MS = 3000;

function afterFirstChart(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    (window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200)))(run);
  };
  const observer =
    typeof PerformanceObserver === 'undefined'
      ? undefined
      : new PerformanceObserver((list) => {
          if (list.getEntriesByName('first-chart').length > 0) once();
        });
  observer?.observe({ type: 'mark' });
  if (performance.getEntriesByName('first-chart').length > 0) once();
  window.setTimeout(once, FIRST_CHART_FALLBACK_MS);
}
