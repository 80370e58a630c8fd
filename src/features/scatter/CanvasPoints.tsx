import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { usePlotArea } from 'recharts';
import { noteOf } from '../../store/url';
import { colorFor } from '../../ui/palette';
import { resolveCssColor } from '../../ui/cssColor';
import { useThemeKey } from '../../ui/useThemeKey';
import { makeCompositor, type Sprite } from '../../ui/composite';
import { placeLabels } from '../../ui/labels';
import type { Point, PointLayerProps } from '../../store/scatterState';
import type { Reliance } from '../../domain/reliance';

/** Above this many points the scatter draws on a canvas: SVG nodes cost ~0.3 ms each per update. */
export const CANVAS_THRESHOLD = 400;
const HIT_RADIUS = 8;
const CELL = 16;
const MAX_LABELS = 30;

/**
 * The point layer for large datasets: one <canvas> inside the chart's SVG (via foreignObject, so
 * recharts' axes and grid stay as they are), a spatial grid for hover and click, and labels for
 * the selected and top-scoring models only.
 */
export function CanvasPoints({ state, view, selectedId, onHover, onSelect, onLabelsHidden }: PointLayerProps) {
  const plot = usePlotArea();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<ImageData | null>(null);
  const spritesRef = useRef<{ key: string; sprites: Map<string, Sprite> }>({ key: '', sprites: new Map() });
  const themeKey = useThemeKey();
  const { points, colorKeys } = state;
  const { colorBy, labels, notes } = view;

  // Positions come from the chart's own domain, mapped the way the axes map it (the domain is
  // passed to recharts as is, data overflow allowed, no rounding), not from recharts' scale
  // functions: those arrive a render or more after the points (a slider step would draw twice,
  // once against the old axes) and change identity on every chart re-render (a hover redrew all).
  const layout = useMemo(() => {
    if (!plot) return undefined;
    const xScale = axisScale(state.xDomain, 0, plot.width, view.logX);
    const yScale = axisScale(state.yDomain, plot.height, 0, view.logY);
    const n = points.length;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const grid = new Map<number, number[]>();
    const cols = Math.ceil(plot.width / CELL) + 1;
    for (let i = 0; i < n; i++) {
      const p = points[i] as Point;
      const x = xScale(p.x);
      const y = yScale(p.y);
      xs[i] = x;
      ys[i] = y;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const key = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
      const bucket = grid.get(key);
      if (bucket) bucket.push(i);
      else grid.set(key, [i]);
    }
    return { xs, ys, grid, cols, xScale, yScale };
  }, [points, state.xDomain, state.yDomain, view.logX, view.logY, plot]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !plot || !layout) return;
    const { xScale, yScale } = layout;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(plot.width * dpr);
    const h = Math.round(plot.height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, plot.width, plot.height);
    const colorCache = new Map<string, string>();
    const colorOf = (key: string) => {
      let c = colorCache.get(key);
      if (!c) {
        c = resolveCssColor(colorFor(key, colorKeys, colorBy), canvas);
        colorCache.set(key, c);
      }
      return c;
    };
    const panel = resolveCssColor('var(--panel)', canvas);
    const { xs, ys } = layout;
    const pts = points;
    const r = pts.length > 3000 ? 3 : 4.5;
    // Each colour and style is drawn once into a small sprite, and the sprites are composited into
    // the canvas's pixels (ui/composite): on a CPU-rendered canvas, rasterising thousands of arcs
    // (or thousands of drawImage calls) costs tens of ms; this costs a few.
    const size = Math.ceil((r + 2) * 2 * dpr);
    // sprites outlive a redraw: a slider step changes positions, not how a point looks, and making
    // a sprite (a canvas, a context, a read-back) cost ~2 ms each, a dozen of them per step
    const spriteKey = `${dpr}|${r}|${panel}`;
    if (spritesRef.current.key !== spriteKey) spritesRef.current = { key: spriteKey, sprites: new Map() };
    const sprites = spritesRef.current.sprites;
    const spriteFor = (color: string, reliance: Reliance) => {
      const solid = reliance === 'disclosed';
      const key = `${color}|${reliance}`;
      let sp = sprites.get(key);
      if (!sp) {
        const sc = document.createElement('canvas');
        sc.width = size;
        sc.height = size;
        const c = sc.getContext('2d', { willReadFrequently: true });
        if (!c) return undefined;
        c.scale(dpr, dpr);
        c.beginPath();
        c.arc(size / dpr / 2, size / dpr / 2, r, 0, Math.PI * 2);
        c.fillStyle = solid ? color : panel;
        c.fill();
        if (!solid) {
          c.lineWidth = 1.6;
          c.strokeStyle = color;
          c.stroke();
        }
        if (reliance === 'partly') {
          // the left half filled, as the SVG layer draws it
          c.beginPath();
          c.arc(size / dpr / 2, size / dpr / 2, r, Math.PI / 2, (3 * Math.PI) / 2);
          c.closePath();
          c.fillStyle = color;
          c.fill();
        }
        const data = c.getImageData(0, 0, size, size).data;
        const px = new Float32Array(size * size * 6);
        let count = 0;
        for (let sy = 0; sy < size; sy++)
          for (let sx = 0; sx < size; sx++) {
            const si = (sy * size + sx) * 4;
            const a = (data[si + 3] as number) / 255;
            if (a === 0) continue;
            px.set([sx, sy, data[si] as number, data[si + 1] as number, data[si + 2] as number, a], count * 6);
            count += 1;
          }
        sp = { px, count };
        sprites.set(key, sp);
      }
      return sp;
    };
    // one pixel buffer reused across redraws: zeroing it is cheaper than reading the canvas back
    let frame = frameRef.current;
    if (!frame || frame.width !== w || frame.height !== h) {
      frame = ctx.createImageData(w, h);
      frameRef.current = frame;
    } else frame.data.fill(0);
    const blit = makeCompositor(frame.data, w, h);
    const half = size / 2;
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i] as Point;
      const x = xs[i] as number;
      const y = ys[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const src = spriteFor(colorOf(p.colorKey), p.reliance);
      if (!src) continue;
      blit(src, Math.round(x * dpr - half), Math.round(y * dpr - half));
    }
    ctx.putImageData(frame, 0, 0);
    // error bars over the points (drawn after the pixel copy, which would erase anything beneath)
    ctx.lineWidth = 1;
    ctx.globalAlpha = 0.6;
    const bars = new Map<string, Path2D>();
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i] as Point;
      if (!p.xRange && !p.yRange) continue;
      let path = bars.get(p.colorKey);
      if (!path) {
        path = new Path2D();
        bars.set(p.colorKey, path);
      }
      if (p.xRange) {
        path.moveTo(xScale(p.xRange[0]), ys[i] as number);
        path.lineTo(xScale(p.xRange[1]), ys[i] as number);
      }
      if (p.yRange) {
        path.moveTo(xs[i] as number, yScale(p.yRange[0]));
        path.lineTo(xs[i] as number, yScale(p.yRange[1]));
      }
    }
    for (const [key, path] of bars) {
      ctx.strokeStyle = colorOf(key);
      ctx.stroke(path);
    }
    ctx.globalAlpha = 1;
    const sel = selectedId ? pts.findIndex((p) => p.id === selectedId) : -1;
    if (sel >= 0) {
      ctx.beginPath();
      ctx.arc(xs[sel] as number, ys[sel] as number, r + 3, 0, Math.PI * 2);
      ctx.lineWidth = 2;
      ctx.strokeStyle = resolveCssColor('var(--text)', canvas);
      ctx.stroke();
    }
    const noted = pts.map((p, i) => (noteOf(notes, p.id) !== undefined ? i : -1)).filter((i) => i >= 0);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = resolveCssColor('var(--accent)', canvas);
    for (const i of noted) {
      ctx.beginPath();
      ctx.arc(xs[i] as number, ys[i] as number, r + 5, 0, Math.PI * 2);
      ctx.stroke();
    }
    if (labels || noted.length > 0) {
      // only a few labels: notes first, then the selected model and the best scores, never overlapping
      const order = pts
        .map((p, i) => ({
          i,
          pr: (noteOf(notes, p.id) !== undefined ? 1e12 : 0) + (p.id === selectedId ? 1e9 : 0) + p.y,
        }))
        .filter(({ i }) => labels || notes[(pts[i] as Point).id] !== undefined)
        .sort((a, b) => b.pr - a.pr)
        .slice(0, MAX_LABELS * 3);
      const placed = placeLabels(
        order.map(({ i, pr }) => ({
          id: (pts[i] as Point).id,
          text:
            notes[(pts[i] as Point).id] !== undefined
              ? `${(pts[i] as Point).name}: ${notes[(pts[i] as Point).id]}`
              : (pts[i] as Point).name,
          px: xs[i] as number,
          py: ys[i] as number,
          priority: pr,
          force: notes[(pts[i] as Point).id] !== undefined,
        })),
        { x: 0, y: 0, width: plot.width, height: plot.height },
      ).slice(0, MAX_LABELS);
      onLabelsHidden?.((labels ? pts.length : noted.length) - placed.length);
      ctx.font = `11px ${getComputedStyle(canvas).fontFamily}`;
      ctx.lineWidth = 3;
      ctx.strokeStyle = panel;
      ctx.fillStyle = resolveCssColor('var(--text)', canvas);
      for (const l of placed) {
        ctx.textAlign = l.anchor === 'end' ? 'right' : 'left';
        ctx.strokeText(l.text, l.x, l.y);
        ctx.fillText(l.text, l.x, l.y);
      }
    }
    canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? '0') + 1);
    canvas.dispatchEvent(new CustomEvent('chartdraw', { bubbles: true }));
    // drawn when what it shows changes, not on every render: a hover (the tooltip is the chart's
    // state) or recharts' own store updates re-render this layer without moving a point
  }, [layout, plot, points, colorKeys, colorBy, labels, notes, selectedId, onLabelsHidden, themeKey]);

  useEffect(() => () => onHover(undefined), [onHover]);

  if (!plot || !layout) return null;
  const hit = (clientX: number, clientY: number): number => {
    const canvas = canvasRef.current;
    if (!canvas) return -1;
    const rect = canvas.getBoundingClientRect();
    const x = clientX - rect.left;
    const y = clientY - rect.top;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    let best = -1;
    let bestD = HIT_RADIUS * HIT_RADIUS;
    for (let gy = cy - 1; gy <= cy + 1; gy++)
      for (let gx = cx - 1; gx <= cx + 1; gx++)
        for (const i of layout.grid.get(gy * layout.cols + gx) ?? []) {
          const d = ((layout.xs[i] as number) - x) ** 2 + ((layout.ys[i] as number) - y) ** 2;
          if (d <= bestD) {
            bestD = d;
            best = i;
          }
        }
    return best;
  };
  return (
    <foreignObject x={plot.x} y={plot.y} width={plot.width} height={plot.height} className="canvas-layer">
      <canvas
        ref={canvasRef}
        style={{ width: plot.width, height: plot.height, display: 'block', cursor: 'crosshair' }}
        data-points={state.points.length}
        aria-hidden="true"
        onMouseMove={(e) => {
          const i = hit(e.clientX, e.clientY);
          onHover(
            i >= 0
              ? {
                  point: state.points[i] as Point,
                  px: (layout.xs[i] as number) + plot.x,
                  py: (layout.ys[i] as number) + plot.y,
                }
              : undefined,
          );
        }}
        onMouseLeave={() => onHover(undefined)}
        onClick={(e) => {
          const i = hit(e.clientX, e.clientY);
          if (i >= 0) onSelect((state.points[i] as Point).id);
        }}
      />
    </foreignObject>
  );
}

/**
 * Data value to pixels along one axis, as recharts' axis maps it: a linear or log interpolation
 * of the given domain onto [from, to]. A log axis has no place for zero or less.
 */
export function axisScale(domain: readonly [number, number], from: number, to: number, log: boolean) {
  const [a, b] = log ? [Math.log(domain[0]), Math.log(domain[1])] : domain;
  // a domain without extent: its points sit in the middle
  if (b === a) return (v: number) => (Number.isFinite(v) ? (from + to) / 2 : Number.NaN);
  const k = (to - from) / (b - a);
  return log ? (v: number) => (v > 0 ? from + (Math.log(v) - a) * k : Number.NaN) : (v: number) => from + (v - a) * k;
}
