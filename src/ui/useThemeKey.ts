import { useSyncExternalStore } from 'react';

/**
 * A key that changes whenever the colours a theme variable resolves to can change: the page's
 * chosen theme (`data-theme` on <html>, set by the theme picker) or, on "system", the OS's light
 * or dark preference. A canvas resolves its colours when it draws, so it redraws on this key
 * rather than on every render.
 */
const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : undefined;
  media?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', onChange);
  };
}

function snapshot(): string {
  const dark = typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
  return `${document.documentElement.getAttribute('data-theme') ?? 'system'}|${dark ? 'dark' : 'light'}`;
}

export function useThemeKey(): string {
  return useSyncExternalStore(subscribe, snapshot, () => 'system|light');
}
