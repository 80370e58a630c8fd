/**
 * Best score per bloc over time, and the gap between two blocs: in points today, and in months
 * (how long ago the leader first reached the follower's current best).
 */
import type { Model } from '../data/schema';

export interface Step {
  date: string;
  best: number;
  modelId: string;
}

export function bestOverTime(models: readonly Model[], benchmarkId: string, bloc: string): Step[] {
  const scored = models
    .filter((m) => m.bloc === bloc && m.benchmarks[benchmarkId])
    .sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  const out: Step[] = [];
  let best = -Infinity;
  for (const m of scored) {
    const v = m.benchmarks[benchmarkId]!.value;
    if (v > best) {
      best = v;
      out.push({ date: m.releaseDate, best: v, modelId: m.id });
    }
  }
  return out;
}

const monthsBetween = (a: string, b: string) => {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return ((yb ?? 0) - (ya ?? 0)) * 12 + ((mb ?? 1) - (ma ?? 1));
};

export interface Gap {
  leader: string;
  follower: string;
  points: number;
  /** months between the leader first reaching the follower's best and the follower reaching it */
  months: number | undefined;
}

export function gapBetween(a: Step[], b: Step[], aName: string, bName: string): Gap | undefined {
  const la = a[a.length - 1];
  const lb = b[b.length - 1];
  if (!la || !lb) return undefined;
  const [leaderSteps, followerLast, leader, follower] =
    la.best >= lb.best ? [a, lb, aName, bName] : [b, la, bName, aName];
  const reached = leaderSteps.find((s) => s.best >= followerLast.best);
  return {
    leader,
    follower,
    points: Math.abs(la.best - lb.best),
    months: reached ? monthsBetween(reached.date, followerLast.date) : undefined,
  };
}
