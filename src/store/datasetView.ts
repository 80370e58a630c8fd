/**
 * Where a dataset switch lands: never on an empty plot. A dataset without scores on the chosen
 * benchmark (Epoch's has none) opens on capability against training compute, the stitched index
 * being the one capability axis every dataset has.
 */
import type { Dataset } from '../data/datasets';
import { CAPABILITY_METRIC, X_AXES, type ViewState } from './url';

export function viewForDataset(dataset: Dataset, view: ViewState): ViewState {
  const y = view.y;
  if (y === CAPABILITY_METRIC || (X_AXES as readonly string[]).includes(y)) return view;
  const hasScores = dataset.models.some((m) => Object.hasOwn(m.benchmarks, y));
  if (hasScores) return view;
  return { ...view, x: 'flop', logX: true, y: CAPABILITY_METRIC, logY: false };
}
