/**
 * Keeps the address bar in step with the store. A burst of changes (a slider drag, typing in a
 * filter) becomes one history entry: the first write pushes, the rest replace it until the
 * burst settles. Back/Forward re-apply the URL.
 *
 * The address is written just after a change, not inside it: history.pushState is a synchronous
 * call into the browser that cost tens of milliseconds per slider step with 10,000 models loaded,
 * inside the input event. Hiding or leaving the page writes what is still pending.
 */
import { applyUrl, useAppStore } from './store';
import { serializeUrl, type UrlState } from './url';

const BURST_MS = 500;
/** long enough that keyboard repeat (~30 ms) and a drag's steps coalesce; short enough to be unseen */
export const URL_WRITE_DELAY_MS = 120;

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
  let burstTimer: ReturnType<typeof setTimeout> | undefined;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  let inBurst = false;
  let applying = false;
  const write = () => {
    clearTimeout(writeTimer);
    writeTimer = undefined;
    const search = serializeUrl(currentUrlState());
    if (search === win.location.search) return;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (inBurst) win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
    inBurst = true;
    clearTimeout(burstTimer);
    burstTimer = setTimeout(() => {
      inBurst = false;
    }, BURST_MS);
  };
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
    writeTimer ??= setTimeout(write, URL_WRITE_DELAY_MS);
  });
  const flush = () => {
    if (writeTimer !== undefined) write();
  };
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  const onPop = () => {
    // the address is now the one to show: a write still pending would overwrite it
    clearTimeout(writeTimer);
    writeTimer = undefined;
    applying = true;
    inBurst = false;
    void applyUrl(win.location.search).finally(() => {
      applying = false;
    });
  };
  win.addEventListener('popstate', onPop);
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
    win.removeEventListener('pagehide', flush);
    win.document.removeEventListener('visibilitychange', onHidden);
    clearTimeout(burstTimer);
    clearTimeout(writeTimer);
  };
}
