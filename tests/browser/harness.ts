/**
 * Real-browser harness: serves the built app (dist/) with vite preview and drives Debian's
 * Chromium through playwright-core. No browser download: CHROME_PATH or /usr/bin/chromium.
 * A missing Chromium fails loudly with how to install it; it never skips.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const root = resolve(import.meta.dirname, '../..');

export function chromePath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `Chromium not found (looked at ${candidates.join(', ')}). Browser tests need it: ` +
        `run "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROME_PATH to a Chrome/Chromium binary.`,
    );
  return found;
}

export interface Harness {
  browser: Browser;
  baseUrl: string;
  server: PreviewServer;
  close: () => Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(resolve(root, 'dist/index.html')))
    throw new Error('dist/ is missing: run "npm run build" before the browser tests (npm test does this).');
  const executablePath = chromePath();
  const server = await preview({
    root,
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  return {
    browser,
    baseUrl,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app and fails the test on any uncaught page error or console error. */
export async function openApp(
  h: Harness,
  search = '',
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${h.baseUrl}${search}`);
  await page.getByRole('heading', { name: 'Compute Ledger' }).waitFor();
  return { page, errors };
}
