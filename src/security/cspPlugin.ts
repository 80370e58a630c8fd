import type { Plugin } from 'vite';
import { DEV_CSP, HEADER_CSP, PAGE_CSP, serializeCsp } from './csp.ts';

const CHARSET_META = /<meta charset="UTF-8"\s*\/?>/i;

/**
 * Writes the Content-Security-Policy into index.html right after <meta charset> (a policy only
 * covers what the parser meets after it, so it must precede every script and stylesheet),
 * strict in the build and relaxed for `vite dev` only; and emits `_headers` (Netlify /
 * Cloudflare Pages format) with the header form of the same policy, for hosts that can send it
 * and so also forbid framing. A page without its policy is a build error, not a quiet default.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'compute-ledger:csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        if (!CHARSET_META.test(html)) throw new Error('index.html: no <meta charset="UTF-8"> to put the CSP after');
        const policy = serializeCsp(ctx.server ? DEV_CSP : PAGE_CSP);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
      },
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: `/*\n  Content-Security-Policy: ${serializeCsp(HEADER_CSP)}\n`,
      });
    },
  };
}
