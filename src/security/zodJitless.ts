/**
 * zod 4 compiles fast object parsers with `new Function`, probing first whether eval is allowed.
 * On the page, CSP forbids eval (no 'unsafe-eval') and Trusted Types refuse the probe's string,
 * so the probe can only fail — and still reports a `securitypolicyviolation` while it does.
 * `jitless` skips the probe on the page. The import worker (no `document`) keeps the compiled
 * parsers: it is not governed by the page's <meta> policy, and a host that sends the CSP as a
 * header only costs it the probe's report, as zod then falls back to the same plain parser.
 * Must run before any z.object() is built: schema.ts imports it first.
 */
import { config } from 'zod';

config({ jitless: typeof document !== 'undefined' });
