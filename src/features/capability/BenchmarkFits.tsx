import { formatValue } from '../../domain/format';
import type { BenchmarkFitPanel } from '../../store/capabilityView';

const W = 220;
const H = 150;
const PAD = { l: 30, r: 8, t: 8, b: 22 };

/** One small plot per benchmark: observed scores against the version's capability, and the fitted curve. */
export function BenchmarkFits({ panels }: { panels: BenchmarkFitPanel[] }) {
  if (panels.length === 0) return null;
  const caps = panels.flatMap((p) => p.curve.map((c) => c.capability));
  const lo = Math.min(...caps);
  const hi = Math.max(...caps);
  const sx = (c: number) => PAD.l + ((c - lo) / (hi - lo || 1)) * (W - PAD.l - PAD.r);
  const sy = (s: number) => PAD.t + (1 - s) * (H - PAD.t - PAD.b);
  return (
    <ul className="benchmark-fits">
      {panels.map((p) => (
        <li key={p.benchmark.id} className="benchmark-fit">
          <svg
            width={W}
            height={H}
            role="img"
            aria-label={`${p.benchmark.name}: ${p.points.length} scores against the fitted curve, difficulty ${formatValue(p.benchmark.difficulty, 'capability')}, slope ${formatValue(p.benchmark.slope, 'capability')}, root-mean-square error ${formatValue(p.rmsePoints, 'score')} points`}
          >
            <rect
              x={PAD.l}
              y={PAD.t}
              width={W - PAD.l - PAD.r}
              height={H - PAD.t - PAD.b}
              fill="none"
              stroke="var(--border)"
            />
            {[0, 0.5, 1].map((s) => (
              <text key={s} x={PAD.l - 4} y={sy(s) + 3} fontSize={9} textAnchor="end" fill="var(--muted)">
                {s * 100}%
              </text>
            ))}
            <text x={sx(lo)} y={H - 6} fontSize={9} fill="var(--muted)">
              {formatValue(lo, 'capability')}
            </text>
            <text x={sx(hi)} y={H - 6} fontSize={9} textAnchor="end" fill="var(--muted)">
              {formatValue(hi, 'capability')}
            </text>
            <polyline
              fill="none"
              stroke="var(--accent)"
              strokeWidth={1.5}
              points={p.curve.map((c) => `${sx(c.capability).toFixed(1)},${sy(c.score).toFixed(1)}`).join(' ')}
            />
            {p.points.map((pt, i) => (
              <circle
                key={i}
                cx={sx(pt.capability)}
                cy={sy(pt.score)}
                r={2.4}
                fill={pt.origin === 'curated' ? 'var(--china)' : 'var(--text)'}
                opacity={0.75}
              >
                <title>{`${pt.label}: ${formatValue(pt.score * 100, 'percent')}`}</title>
              </circle>
            ))}
          </svg>
          <p className="benchmark-fit__caption">
            <strong>{p.benchmark.name}</strong> · {p.points.length} scores · D{' '}
            {formatValue(p.benchmark.difficulty, 'capability')} · α {formatValue(p.benchmark.slope, 'capability')} ·
            RMSE {formatValue(p.rmsePoints, 'score')} pts
          </p>
        </li>
      ))}
    </ul>
  );
}
