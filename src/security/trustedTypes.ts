/**
 * The page requires Trusted Types for script sinks (csp.ts), and `new Worker(url)` is one: a plain
 * string or URL is refused. This is the app's only Trusted Types policy. It vouches for exactly
 * the script URLs listed below — the worker files Vite emits for this build — and throws for
 * anything else, so it cannot be used to load a script an input chose.
 */
import importWorkerUrl from '../data/import.worker.ts?worker&url';
import capabilityWorkerUrl from '../data/capability.worker.ts?worker&url';
import { TRUSTED_TYPES_POLICY } from './csp';

const WORKER_SCRIPT_URLS: ReadonlySet<string> = new Set([importWorkerUrl, capabilityWorkerUrl]);

/** TypeScript's DOM library does not describe Trusted Types yet: the little we use. */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (input: string) => string }): TrustedScriptUrlPolicy;
}
interface TrustedScriptUrlPolicy {
  createScriptURL(input: string): object;
}

let policy: TrustedScriptUrlPolicy | undefined;

function trustedScriptUrl(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  // browsers without Trusted Types take the string; CSP's worker-src 'self' still applies
  if (!factory) return url;
  policy ??= factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (input) => {
      if (!WORKER_SCRIPT_URLS.has(input)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: refused script URL ${input}`);
      return input;
    },
  });
  // a TrustedScriptURL, which the Worker constructor accepts where a string would be refused
  return policy.createScriptURL(url) as unknown as string;
}

/** Starts the CSV/JSON import worker (src/data/import.worker.ts). */
export function startImportWorker(): Worker {
  return new Worker(trustedScriptUrl(importWorkerUrl), { type: 'module' });
}

/** Starts the capability-fit worker (src/data/capability.worker.ts). */
export function startCapabilityWorker(): Worker {
  return new Worker(trustedScriptUrl(capabilityWorkerUrl), { type: 'module' });
}
