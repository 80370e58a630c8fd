/**
 * Chart export without a screenshot library: the charts are SVG already, so we clone the
 * chart's <svg>, inline the computed styles (CSS variables and theme colours would otherwise be
 * lost outside the page), add a title, the active assumptions and the source line, and either
 * serialise it (SVG) or draw it on a 2× canvas (PNG). Text stays text: XMLSerializer escapes
 * model names, so a name containing markup cannot become markup in the file.
 */
import { resolveCssColor } from '../cssColor';

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** average glyph width of DejaVu Sans at 10.5 px, for wrapping the source line */
const SOURCE_CHAR_PX = 6;
const SOURCE_LINE_PX = 13;

/** Greedy word wrap to at most `maxChars` characters a line. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ExportDecoration {
  title: string;
  subtitle: string;
  source: string;
  /** mark: how a point is filled (solid, half or hollow), as on screen */
  legend: { label: string; color: string; hollow?: boolean; mark?: 'disclosed' | 'partly' | 'estimated' }[];
}

function inlineStyles(original: Element, clone: Element) {
  const cs = getComputedStyle(original);
  // through the CSSOM: the page's CSP (style-src without 'unsafe-inline') blocks setAttribute('style')
  const style = (clone as SVGElement).style;
  for (const p of STYLE_PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) style.setProperty(p, v);
  }
  // attributes may still hold var(--x): the inline style above already carries the resolved value
  for (const attr of ['fill', 'stroke']) {
    const v = clone.getAttribute(attr);
    if (v && v.includes('var(')) clone.removeAttribute(attr);
  }
  const oc = original.children;
  const cc = clone.children;
  for (let i = 0; i < oc.length && i < cc.length; i++) inlineStyles(oc[i] as Element, cc[i] as Element);
}

export function buildExportSvg(
  chart: SVGSVGElement,
  deco: ExportDecoration,
): { svg: string; width: number; height: number } {
  const box = chart.getBoundingClientRect();
  const width = Math.max(320, Math.round(box.width || Number(chart.getAttribute('width')) || 800));
  const chartHeight = Math.round(box.height || Number(chart.getAttribute('height')) || 480);
  const header = 58;
  const legendRows = Math.ceil(deco.legend.length / Math.max(1, Math.floor(width / 170)));
  // the source line says what is shown and why; it wraps rather than run off the image
  const sourceLines = wrapText(deco.source, Math.floor((width - 32) / SOURCE_CHAR_PX));
  const footer = 14 + sourceLines.length * SOURCE_LINE_PX + legendRows * 18;
  const height = header + chartHeight + footer;
  const font = getComputedStyle(document.body).fontFamily || 'DejaVu Sans, sans-serif';
  const bg = resolveCssColor('var(--panel)', document.documentElement, '#ffffff');
  const text = resolveCssColor('var(--text)', document.documentElement, '#111111');
  const muted = resolveCssColor('var(--muted)', document.documentElement, '#555555');

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', font);
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = deco.title;
  out.appendChild(titleEl);
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg);
  out.appendChild(rect);

  const addText = (content: string, x: number, y: number, size: number, color: string, weight = 'normal') => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', color);
    t.textContent = content;
    out.appendChild(t);
    return t;
  };
  addText(deco.title, 16, 24, 17, text, 'bold');
  addText(deco.subtitle, 16, 44, 12, muted);

  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('transform', `translate(0, ${header})`);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  // nested <svg> keeps the chart's own coordinate system
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  clone.removeAttribute('role');
  clone.removeAttribute('style');
  clone.setAttribute('overflow', 'visible');
  // a canvas point layer (large datasets) cannot be serialised: it goes in as an embedded image
  const originalLayers = chart.querySelectorAll('foreignObject');
  clone.querySelectorAll('foreignObject').forEach((fo, i) => {
    const canvas = originalLayers[i]?.querySelector('canvas');
    if (!canvas) return;
    const img = document.createElementNS(SVG_NS, 'image');
    for (const a of ['x', 'y', 'width', 'height']) img.setAttribute(a, fo.getAttribute(a) ?? '0');
    img.setAttribute('href', canvas.toDataURL('image/png'));
    fo.replaceWith(img);
  });
  g.appendChild(clone);
  out.appendChild(g);

  const perRow = Math.max(1, Math.floor(width / 170));
  deco.legend.forEach((item, i) => {
    const x = 16 + (i % perRow) * 170;
    const y = header + chartHeight + 14 + Math.floor(i / perRow) * 18;
    const c = document.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', String(x + 5));
    c.setAttribute('cy', String(y - 4));
    c.setAttribute('r', '5');
    const color = resolveCssColor(item.color);
    const hollow = item.hollow === true || item.mark === 'estimated' || item.mark === 'partly';
    c.setAttribute('fill', hollow ? bg : color);
    c.setAttribute('stroke', color);
    c.setAttribute('stroke-width', hollow ? '2' : '1');
    out.appendChild(c);
    if (item.mark === 'partly') {
      const half = document.createElementNS(SVG_NS, 'path');
      half.setAttribute('d', `M${x + 5},${y - 9} A5,5 0 0 0 ${x + 5},${y + 1} Z`);
      half.setAttribute('fill', color);
      out.appendChild(half);
    }
    addText(item.label, x + 14, y, 11, text);
  });
  sourceLines.forEach((line, i) =>
    addText(line, 16, height - 8 - (sourceLines.length - 1 - i) * SOURCE_LINE_PX, 10.5, muted),
  );
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart image could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas is not available');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies a PNG to the clipboard; resolves to a message saying what happened. */
export async function copyPng(blob: Blob): Promise<string> {
  const clip = navigator.clipboard as (Clipboard & { write?: (items: ClipboardItem[]) => Promise<void> }) | undefined;
  if (!clip?.write || typeof ClipboardItem === 'undefined')
    return 'This browser cannot copy images; use “Download PNG” instead.';
  try {
    await clip.write([new ClipboardItem({ 'image/png': blob })]);
    return 'Image copied to the clipboard.';
  } catch (e) {
    return `Copy was refused (${(e as Error).message}); use “Download PNG” instead.`;
  }
}
