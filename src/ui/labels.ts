/**
 * Greedy label placement: labels that would overlap a placed label or leave the plot are
 * dropped rather than drawn on top of each other (selected models are placed first).
 */
export interface LabelCandidate {
  id: string;
  text: string;
  /** pixel position of the point */
  px: number;
  py: number;
  priority: number;
  /** always placed (reader notes): overlapping if it must, pulled inside the plot if it has to */
  force?: boolean;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function placeLabels(
  candidates: LabelCandidate[],
  plot: { x: number; y: number; width: number; height: number },
  fontPx = 11,
  obstacles: Box[] = [],
): PlacedLabel[] {
  const charW = fontPx * 0.6;
  const placed: PlacedLabel[] = [];
  const boxes: Box[] = [...obstacles];
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  for (const c of sorted) {
    const w = c.text.length * charW;
    const h = fontPx + 2;
    const options: { box: Box; label: PlacedLabel }[] = [
      {
        box: { x0: c.px + 6, y0: c.py - h / 2, x1: c.px + 6 + w, y1: c.py + h / 2 },
        label: { id: c.id, text: c.text, x: c.px + 6, y: c.py + fontPx / 3, anchor: 'start' },
      },
      {
        box: { x0: c.px - 6 - w, y0: c.py - h / 2, x1: c.px - 6, y1: c.py + h / 2 },
        label: { id: c.id, text: c.text, x: c.px - 6, y: c.py + fontPx / 3, anchor: 'end' },
      },
      {
        box: { x0: c.px - w / 2, y0: c.py - 6 - h, x1: c.px + w / 2, y1: c.py - 6 },
        label: { id: c.id, text: c.text, x: c.px - w / 2, y: c.py - 8, anchor: 'start' },
      },
    ];
    let done = false;
    for (const o of options) {
      const inside =
        o.box.x0 >= plot.x && o.box.x1 <= plot.x + plot.width && o.box.y0 >= plot.y && o.box.y1 <= plot.y + plot.height;
      if (inside && !boxes.some((b) => overlaps(b, o.box))) {
        boxes.push(o.box);
        placed.push(o.label);
        done = true;
        break;
      }
    }
    if (!done && c.force) {
      const x = Math.max(plot.x, Math.min(c.px + 6, plot.x + plot.width - w));
      const y = Math.max(plot.y + h, Math.min(c.py - 8, plot.y + plot.height));
      boxes.push({ x0: x, y0: y - h, x1: x + w, y1: y });
      placed.push({ id: c.id, text: c.text, x, y, anchor: 'start' });
    }
  }
  return placed;
}
