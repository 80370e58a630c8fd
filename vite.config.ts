import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './src/security/cspPlugin.ts';

export default defineConfig({
  plugins: [react(), cspPlugin()],
  // relative base so the built app works from any folder or static host
  base: './',
  build: { target: 'es2022', sourcemap: true },
  // the import worker is a module in dev and build alike (src/security/trustedTypes.ts starts it)
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          // whole views in jsdom on a 2-core machine (and the capability fit in-thread): seconds, not ms
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // one Chromium at a time: these machines have 2 cores
          fileParallelism: false,
        },
      },
    ],
  },
});
