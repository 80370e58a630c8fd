/**
 * Table columns that come from the scatter's analysis (trend residuals, Pareto dominance). They
 * read the latest analysis through a getter so the column definitions stay stable while the
 * sliders move.
 */
import type { Quantity } from '../../domain/estimate';
import type { Analysis } from '../../store/analysis';
import type { ViewState } from '../../store/url';
import type { ValueColumn } from './columns';

const computed = (value: number, method: string): Quantity<number> => ({
  value,
  range: [value, value],
  provenance: 'computed',
  method,
  inputs: [],
  movesWith: ['mfu', 'usdPerGpuHour'],
});

export function analysisColumns(get: () => Analysis | undefined, view: ViewState): ValueColumn[] {
  const cols: ValueColumn[] = [];
  if (view.fit) {
    cols.push({
      id: 'residual',
      header: view.logY ? 'Residual vs trend (×)' : 'Residual vs trend (points)',
      unit: view.logY ? 'ratio' : 'score',
      defaultVisible: true,
      group: 'estimate',
      get: (r) => {
        const res = get()?.residuals.get(r.model.id);
        if (!res) return undefined;
        return computed(
          view.logY ? 10 ** res.points : res.points,
          'score − trend prediction at this model’s x (least squares on the scatter’s axes)',
        );
      },
    });
    cols.push({
      id: 'timesCheaper',
      header: '× cheaper than the trend predicts',
      unit: 'ratio',
      defaultVisible: true,
      group: 'estimate',
      get: (r) => {
        const t = get()?.residuals.get(r.model.id)?.timesCheaper;
        return t === undefined ? undefined : computed(t, 'cost the trend predicts for this score ÷ this model’s cost');
      },
    });
  }
  if (view.pareto) {
    cols.push({
      id: 'dominators',
      header: 'Dominated by (models)',
      unit: 'count',
      defaultVisible: true,
      group: 'estimate',
      get: (r) => {
        const a = get();
        if (!a || a.frontier.length === 0) return undefined;
        const by = a.dominatedBy.get(r.model.id);
        return computed(by?.length ?? 0, by ? `dominated by: ${by.join(', ')}` : 'on the frontier or not plotted');
      },
    });
  }
  return cols;
}
