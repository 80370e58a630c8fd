/**
 * The benchmark's baseline: the same synthetic points in a plain recharts <Scatter>, with an MFU
 * slider recomputing GPU-hours the same way, and nothing else. Our slider timings are reported
 * as a ratio to this page so they hold on a noisy machine.
 */
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import modelsJson from '../../../data/models.json';
import chipsJson from '../../../data/chips.json';
import type { Chip, Model } from '../../../src/data/schema';
import { DEFAULT_ASSUMPTIONS } from '../../../src/domain/assumptions';
import { estimateAll } from '../../../src/domain/estimate';
import { makeSynthetic } from '../synthetic';

const n = Number(new URLSearchParams(location.search).get('n') ?? '1000');
const models = makeSynthetic((modelsJson as unknown as { models: Model[] }).models, n);
const chips = (chipsJson as unknown as { chips: Chip[] }).chips;

function App() {
  const [mfu, setMfu] = useState(35);
  const points = useMemo(
    () =>
      estimateAll(models, chips, { ...DEFAULT_ASSUMPTIONS, mfu: mfu / 100 })
        .map((e, i) => ({ x: e.totalCostUsd?.value ?? e.costUsd?.value, y: models[i]?.benchmarks.mmlu?.value }))
        .filter((p) => p.x && p.y),
    [mfu],
  );
  return (
    <div>
      <label>
        MFU{' '}
        <input
          type="range"
          aria-label="MFU"
          min={5}
          max={80}
          value={mfu}
          onChange={(e) => setMfu(Number(e.target.value))}
        />
      </label>
      <ScatterChart width={900} height={480}>
        <CartesianGrid />
        <XAxis type="number" dataKey="x" scale="log" domain={['auto', 'auto']} />
        <YAxis type="number" dataKey="y" />
        <Scatter data={points} fill="#2b7bb9" isAnimationActive={false} />
      </ScatterChart>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
