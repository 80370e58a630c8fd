/**
 * Compositing point sprites into a canvas's pixel buffer (source-over), for the scatter's canvas
 * layer. On a CPU-rendered canvas, thousands of arcs or drawImage calls cost tens of ms a frame;
 * copying a few dozen pre-rendered pixels per point costs a few. Pure: no DOM, no React.
 */

/** A point's look, rasterised once: per visible pixel x offset, y offset, r, g, b, alpha (0–1). */
export interface Sprite {
  px: Float32Array;
  count: number;
}

/** The reference: one pixel at a time, bounds-checked (kept as the oracle for the fast path). */
export function compositeSlow(dst: Uint8ClampedArray, w: number, h: number, sprite: Sprite, x0: number, y0: number) {
  const { px, count } = sprite;
  for (let j = 0; j < count; j++) {
    const o = j * 6;
    const dx = x0 + (px[o] as number);
    const dy = y0 + (px[o + 1] as number);
    if (dx < 0 || dx >= w || dy < 0 || dy >= h) continue;
    blendPixel(
      dst,
      (dy * w + dx) * 4,
      px[o + 2] as number,
      px[o + 3] as number,
      px[o + 4] as number,
      px[o + 5] as number,
    );
  }
}

function blendPixel(dst: Uint8ClampedArray, di: number, r: number, g: number, b: number, a: number) {
  if (a === 1) {
    dst[di] = r;
    dst[di + 1] = g;
    dst[di + 2] = b;
    dst[di + 3] = 255;
    return;
  }
  const da = (dst[di + 3] as number) / 255;
  const k = da * (1 - a);
  const outA = a + k;
  dst[di] = (r * a + (dst[di] as number) * k) / outA;
  dst[di + 1] = (g * a + (dst[di + 1] as number) * k) / outA;
  dst[di + 2] = (b * a + (dst[di + 2] as number) * k) / outA;
  dst[di + 3] = outA * 255;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A sprite laid out for one buffer width: pixel offsets, opaque pixels as whole 32-bit words. */
interface Laid {
  w: number;
  maxX: number;
  maxY: number;
  opaqueOff: Int32Array;
  opaqueWord: Uint32Array;
  blendOff: Int32Array;
  blendPx: Float32Array;
}

/**
 * Composites sprites into one RGBA buffer of width w and height h. A sprite wholly inside the
 * buffer (nearly every point) is copied without per-pixel bounds checks, its opaque pixels as
 * 32-bit words; one that crosses an edge takes the reference path. Same result as compositeSlow.
 */
export function makeCompositor(dst: Uint8ClampedArray, w: number, h: number) {
  const words = new Uint32Array(dst.buffer, dst.byteOffset, dst.length >> 2);
  const laid = new Map<Sprite, Laid>();
  const layOut = (s: Sprite): Laid => {
    const opaque: number[] = [];
    const blend: number[] = [];
    let maxX = 0;
    let maxY = 0;
    for (let j = 0; j < s.count; j++) {
      const o = j * 6;
      maxX = Math.max(maxX, s.px[o] as number);
      maxY = Math.max(maxY, s.px[o + 1] as number);
      ((s.px[o + 5] as number) === 1 ? opaque : blend).push(j);
    }
    const offOf = (j: number) => (s.px[j * 6 + 1] as number) * w + (s.px[j * 6] as number);
    const word = (j: number) => {
      const [r, g, b] = [s.px[j * 6 + 2], s.px[j * 6 + 3], s.px[j * 6 + 4]].map(
        (v) => Math.round(v as number) & 255,
      ) as [number, number, number];
      return (LITTLE_ENDIAN ? (255 << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
    };
    const blendPx = new Float32Array(blend.length * 4);
    blend.forEach((j, k) => blendPx.set(s.px.subarray(j * 6 + 2, j * 6 + 6), k * 4));
    return {
      w,
      maxX,
      maxY,
      opaqueOff: Int32Array.from(opaque, offOf),
      opaqueWord: Uint32Array.from(opaque, word),
      blendOff: Int32Array.from(blend, offOf),
      blendPx,
    };
  };
  return (sprite: Sprite, x0: number, y0: number) => {
    let l = laid.get(sprite);
    if (!l) laid.set(sprite, (l = layOut(sprite)));
    if (x0 < 0 || y0 < 0 || x0 + l.maxX >= w || y0 + l.maxY >= h) {
      compositeSlow(dst, w, h, sprite, x0, y0);
      return;
    }
    const base = y0 * w + x0;
    const { opaqueOff, opaqueWord, blendOff, blendPx } = l;
    for (let k = 0; k < opaqueOff.length; k++) words[base + (opaqueOff[k] as number)] = opaqueWord[k] as number;
    for (let k = 0; k < blendOff.length; k++) {
      const q = k * 4;
      blendPixel(
        dst,
        (base + (blendOff[k] as number)) * 4,
        blendPx[q] as number,
        blendPx[q + 1] as number,
        blendPx[q + 2] as number,
        blendPx[q + 3] as number,
      );
    }
  };
}
