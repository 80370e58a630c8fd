/**
 * Keeps the address bar in step with the store. A burst of changes (a slider drag, typing in a
 * filter) becomes one history entry: the first change pushes, the rest replace it until the
 * burst settles. Back/Forward re-apply the URL.
 */
import { applyUrl, useAppStore } from './store';
import { serializeUrl, type UrlState } from './url';

const BURST_MS = 500;

export function currentUrlState(s = useAppStore.getState()): UrlState {
  return {
    assumptions: s.assumptions,
    filters: s.filters,
    view: s.view,
    datasetId: s.dataset.id,
    ...(s.dataset.version ? { datasetVersion: s.dataset.version } : {}),
    capability: s.capability,
  };
}

export function startUrlSync(win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inBurst = false;
  let applying = false;
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (applying) return;
    if (
      s.assumptions === prev.assumptions &&
      s.filters === prev.filters &&
      s.view === prev.view &&
      s.dataset === prev.dataset &&
      s.capability === prev.capability
    )
      return;
    const search = serializeUrl(currentUrlState(s));
    if (search === win.location.search) return;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (inBurst) win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
    inBurst = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      inBurst = false;
    }, BURST_MS);
  });
  const onPop = () => {
    applying = true;
    inBurst = false;
    void applyUrl(win.location.search).finally(() => {
      applying = false;
    });
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
    clearTimeout(timer);
  };
}
