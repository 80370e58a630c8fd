import { expect, test } from 'vitest';
import { compositeSlow, makeCompositor, type Sprite } from '../../src/ui/composite';
import { seededRandom } from '../../src/domain/random';

/** A disc of radius r in a size×size box: opaque inside, anti-aliased (translucent) at the rim. */
function disc(size: number, r: number, rgb: [number, number, number]): Sprite {
  const px: number[] = [];
  const c = (size - 1) / 2;
  for (let sy = 0; sy < size; sy++)
    for (let sx = 0; sx < size; sx++) {
      const d = Math.hypot(sx - c, sy - c);
      const a = d <= r - 0.5 ? 1 : d >= r + 0.5 ? 0 : Math.round((r + 0.5 - d) * 255) / 255;
      if (a > 0) px.push(sx, sy, ...rgb, a);
    }
  return { px: Float32Array.from(px), count: px.length / 6 };
}

test('the fast compositor gives the very pixels of the one-pixel-at-a-time reference, edges and overlaps included', () => {
  const rand = seededRandom(7);
  const w = 97;
  const h = 61;
  const sprites = [disc(10, 3, [230, 40, 10]), disc(10, 4, [20, 120, 250]), disc(13, 5, [90, 200, 60])];
  const slow = new Uint8ClampedArray(w * h * 4);
  const fast = new Uint8ClampedArray(w * h * 4);
  const blit = makeCompositor(fast, w, h);
  let crossing = 0;
  for (let i = 0; i < 400; i++) {
    const s = sprites[i % sprites.length]!;
    // positions from well outside the left/top edges to past the right/bottom ones
    const x0 = Math.floor(rand() * (w + 24)) - 12;
    const y0 = Math.floor(rand() * (h + 24)) - 12;
    if (x0 < 0 || y0 < 0 || x0 + 13 > w || y0 + 13 > h) crossing++;
    compositeSlow(slow, w, h, s, x0, y0);
    blit(s, x0, y0);
  }
  expect(crossing).toBeGreaterThan(40);
  expect(fast).toEqual(slow);
  // opaque centres and translucent rims were both drawn
  const alphas = new Set<number>();
  for (let i = 3; i < slow.length; i += 4) alphas.add(slow[i]!);
  expect(alphas.has(255)).toBe(true);
  expect(alphas.size).toBeGreaterThan(3);
});

test('a sprite is clipped at every edge of the buffer, never wrapped onto the next row', () => {
  const w = 20;
  const h = 10;
  const s = disc(6, 2.5, [255, 0, 0]);
  const dst = new Uint8ClampedArray(w * h * 4);
  const blit = makeCompositor(dst, w, h);
  blit(s, w - 3, 2); // half past the right edge
  // nothing lands in the first columns of the following rows (a wrap would put it there)
  for (let y = 0; y < h; y++) for (let x = 0; x < 3; x++) expect(dst[(y * w + x) * 4 + 3]).toBe(0);
  // and the part inside is drawn
  expect(dst[(4 * w + (w - 1)) * 4 + 3]).toBeGreaterThan(0);
});

test("the canvas maps values as the axes do: the domain's ends on the plot's edges, log or linear", async () => {
  const { axisScale } = await import('../../src/features/scatter/CanvasPoints');
  const lin = axisScale([10, 30], 0, 200, false);
  expect([lin(10), lin(20), lin(30), lin(40)]).toEqual([0, 100, 200, 300]);
  const log = axisScale([1e20, 1e26], 300, 0, true); // y: the domain's low end at the bottom
  expect(log(1e20)).toBeCloseTo(300, 9);
  expect(log(1e23)).toBeCloseTo(150, 9);
  expect(log(1e26)).toBeCloseTo(0, 9);
  expect(log(0)).toBeNaN();
  expect(log(-5)).toBeNaN();
  expect(axisScale([5, 5], 0, 100, false)(5)).toBe(50);
});
