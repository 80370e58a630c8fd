/**
 * The page's Content-Security-Policy, as data. One definition feeds the <meta> that the build
 * writes into index.html (cspPlugin.ts), the `_headers` file it emits for static hosts that can
 * send headers, and the tests (which also hold README's copy of the header to it).
 *
 * Why each source is allowed (fonts, frames, media… fall back to default-src 'self'):
 * - script-src 'self': the built JS chunks only. No 'unsafe-inline', no 'unsafe-eval': a string
 *   that reaches the DOM as markup cannot run.
 * - worker-src 'self': the CSV/JSON importer's worker is a file Vite emits next to the page
 *   (assets/import.worker-*.js); papaparse runs inside it and starts no worker of its own.
 * - img-src data: blob:: the favicon is a data: URL, PNG export draws the chart's SVG from a
 *   blob: URL onto a canvas and the canvas point layer is embedded as a data: PNG in the SVG.
 * - style-src 'self': the built stylesheet. React and recharts set element styles through the
 *   CSSOM (element.style), which CSP does not govern, so no 'unsafe-inline' is needed.
 * - connect-src 'self': the app makes no network request of its own (Epoch's dataset is a lazy
 *   JS chunk; IndexedDB and localStorage are not network); 'self' leaves room for same-origin data.
 * - require-trusted-types-for 'script' + trusted-types: string-to-script sinks (innerHTML,
 *   script.src, new Worker(url) …) accept only Trusted Types objects, and the only policy that
 *   may be created is TRUSTED_TYPES_POLICY, which vouches for one URL: the importer's worker.
 */
/** The one Trusted Types policy the page may create (trustedTypes.ts): it mints the importer's worker URL. */
export const TRUSTED_TYPES_POLICY = 'compute-ledger-worker';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** The policy of the built page, delivered by <meta http-equiv>. */
export const PAGE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': [TRUSTED_TYPES_POLICY],
};

/**
 * The same policy as an HTTP header: frame-ancestors (clickjacking) is ignored — and reported as
 * an error — in a <meta>, so only hosts that send headers can set it.
 */
export const HEADER_CSP: CspDirectives = { ...PAGE_CSP, 'frame-ancestors': ["'none'"] };

/**
 * `vite dev` only, never the build: Vite injects each CSS module as a <style> element (its error
 * overlay too), so style-src allows inline styles. Nothing else is relaxed — HMR's WebSocket is
 * same-origin, which 'self' covers, and React Refresh's inline preamble is written above this
 * <meta>, so the policy never applies to it — a script or Trusted Types regression shows up
 * while developing too.
 */
export const DEV_CSP: CspDirectives = { ...PAGE_CSP, 'style-src': ["'self'", "'unsafe-inline'"] };

export function serializeCsp(policy: CspDirectives): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}
