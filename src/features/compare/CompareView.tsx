import { memo } from 'react';
import type { Model, Sourced } from '../../data/schema';
import { reportedCostWithBase } from '../../domain/reportedTotal';
import type { Quantity } from '../../domain/estimate';
import { formatValue, type UnitKind } from '../../domain/format';
import { activeParamsOf } from '../../domain/params';
import type { Row } from '../../store/selectors';
import { useCapabilityByModel } from '../../store/useCapability';
import { capabilityQuantity } from '../../store/capability';
import { useAppStore } from '../../store/store';
import { useDeferredAllRows } from '../../store/useDeferredRows';
import { ValueCell } from '../../ui/ValueCell';

interface Field {
  label: string;
  unit: UnitKind;
  /** benchmark scores compare as differences in points; everything else as ratios */
  compare: 'ratio' | 'difference';
  read: (r: Row, ctx: ReadContext) => Sourced | Quantity<number> | undefined;
}

/** the row the “Seventeen times” scenario is named after */
const REPORTED_WITH_BASE = 'Reported cost incl. base run';

interface ReadContext {
  modelsById: ReadonlyMap<string, Model>;
  includeBaseRun: boolean;
}

const FIELDS: Field[] = [
  { label: 'Parameters (total)', unit: 'params', compare: 'ratio', read: (r) => r.model.totalParams },
  { label: 'Parameters (active)', unit: 'params', compare: 'ratio', read: (r) => activeParamsOf(r.model)?.params },
  { label: 'Training tokens', unit: 'tokens', compare: 'ratio', read: (r) => r.model.trainingTokens },
  { label: 'Training FLOP', unit: 'flop', compare: 'ratio', read: (r) => r.estimate.trainingFlop },
  { label: 'GPU-hours (own run)', unit: 'gpu-hours', compare: 'ratio', read: (r) => r.estimate.gpuHours },
  { label: 'GPU-hours incl. base run', unit: 'gpu-hours', compare: 'ratio', read: (r) => r.estimate.totalGpuHours },
  { label: 'Training cost (own run)', unit: 'usd', compare: 'ratio', read: (r) => r.estimate.costUsd },
  { label: 'Training cost incl. base run', unit: 'usd', compare: 'ratio', read: (r) => r.estimate.totalCostUsd },
  { label: 'Reported cost', unit: 'usd', compare: 'ratio', read: (r) => r.model.reportedCostUsd },
  {
    label: REPORTED_WITH_BASE,
    unit: 'usd',
    compare: 'ratio',
    read: (r, c) => reportedCostWithBase(r.model, c.modelsById, c.includeBaseRun) ?? r.model.reportedCostUsd,
  },
  { label: 'Energy incl. base run', unit: 'mwh', compare: 'ratio', read: (r) => r.estimate.totalEnergyMwh },
  { label: 'Chips in the cluster', unit: 'count', compare: 'ratio', read: (r) => r.model.chipCount },
  { label: 'Implied MFU', unit: 'fraction', compare: 'ratio', read: (r) => r.estimate.impliedMfu },
  {
    label: 'API input ($/M tokens)',
    unit: 'usd/mtok',
    compare: 'ratio',
    read: (r) => r.model.usdPerMillionInputTokens,
  },
  {
    label: 'API output ($/M tokens)',
    unit: 'usd/mtok',
    compare: 'ratio',
    read: (r) => r.model.usdPerMillionOutputTokens,
  },
];

export const SEVENTEEN_TIMES = ['gpt-4', 'deepseek-v3', 'deepseek-r1'];

/**
 * One direction for every row, read from the first model: “GPT-4: 15.7× this” (its value divided
 * by this model’s) and “GPT-4: 2.1 pts lower” (its score minus this model’s).
 */
function Relation({
  first,
  base,
  other,
  field,
}: {
  first: string;
  base: number | undefined;
  other: number | undefined;
  field: Field;
}) {
  if (base === undefined || other === undefined || other === 0) return null;
  if (field.compare === 'difference') {
    const d = base - other;
    // capability differences are in its own units; benchmark differences in points
    const size =
      field.unit === 'capability' ? formatValue(Math.abs(d), 'capability') : `${formatValue(Math.abs(d), 'score')} pts`;
    const level = field.unit === 'capability' ? 0.005 : 0.05;
    const text = Math.abs(d) < level ? 'level' : `${size} ${d > 0 ? 'higher' : 'lower'}`;
    return <span className="relation">{`${first}: ${text}`}</span>;
  }
  return <span className="relation">{`${first}: ${formatValue(base / other, 'ratio')} this`}</span>;
}

export default function CompareView() {
  const rows = useDeferredAllRows();
  return <CompareTable rows={rows} />;
}

const CompareTable = memo(function CompareTable({ rows }: { rows: Row[] }) {
  const ids = useAppStore((s) => s.view.compareIds);
  const benchmarks = useAppStore((s) => s.reference.benchmarks);
  const setCompare = useAppStore((s) => s.setCompare);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const includeBaseRun = useAppStore((s) => s.assumptions.includeBaseRun);
  const scenario = useAppStore((s) => s.activeScenarioId);
  const byId = new Map(rows.map((r) => [r.model.id, r]));
  const ctx: ReadContext = { modelsById: new Map(rows.map((r) => [r.model.id, r.model])), includeBaseRun };
  const chosen = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
  const benchFields: Field[] = benchmarks
    .filter((b) => chosen.some((r) => r.model.benchmarks[b.id]))
    .map((b) => ({
      label: b.name,
      unit: b.unit === 'percent' ? 'percent' : 'score',
      compare: 'difference',
      read: (r: Row) => r.model.benchmarks[b.id],
    }));
  const { state: capState, byModel: capByModel } = useCapabilityByModel(chosen.length > 0);
  const capResult = capState.result;
  const capabilityField: Field = {
    label: 'Capability (stitched)',
    unit: 'capability',
    compare: 'difference',
    read: (r: Row) => {
      const c = capByModel.get(r.model.id);
      return c && capResult ? capabilityQuantity(capResult, c) : undefined;
    },
  };
  const fields = [
    ...(chosen.some((r) => capByModel.has(r.model.id)) ? [capabilityField] : []),
    // the summed row appears only when some model has a base run whose reported cost it adds
    ...FIELDS.filter((f) =>
      f.label === REPORTED_WITH_BASE
        ? chosen.some((r) => reportedCostWithBase(r.model, ctx.modelsById, includeBaseRun))
        : chosen.some((r) => f.read(r, ctx)),
    ),
    ...benchFields,
  ];
  const firstName = chosen[0]?.model.name ?? '';
  const available = [...rows]
    .sort((a, b) => a.model.name.localeCompare(b.model.name))
    .filter((r) => !ids.includes(r.model.id));
  const canSeventeen = SEVENTEEN_TIMES.every((id) => byId.has(id));
  return (
    <div className="compare-view">
      <div className="chart-controls">
        <label>
          Add a model{' '}
          <select
            value=""
            disabled={ids.length >= 4}
            onChange={(e) => {
              if (e.target.value) toggleCompare(e.target.value);
            }}
          >
            <option value="">{ids.length >= 4 ? 'Four models at most' : 'Choose…'}</option>
            {available.map((r) => (
              <option key={r.model.id} value={r.model.id}>
                {r.model.name}
              </option>
            ))}
          </select>
        </label>
        {canSeventeen && (
          <button
            type="button"
            className="preset"
            // only the models: the sidebar scenario “Seventeen times” also sets the assumptions
            onClick={() => setCompare(SEVENTEEN_TIMES)}
          >
            Load GPT-4, DeepSeek-V3 and R1
          </button>
        )}
        {ids.length > 0 && (
          <button type="button" className="link-button" onClick={() => setCompare([])}>
            Clear
          </button>
        )}
      </div>
      {chosen.length === 1 && <p className="muted">Add one to three more models to see ratios.</p>}
      {chosen.length === 0 ? (
        <p className="empty">
          Pick two to four models to compare, or load GPT-4, DeepSeek-V3 and R1 with the button above. You can also add
          the selected model from its derivation card.
        </p>
      ) : (
        <div className="table-scroll compare-scroll" role="region" aria-label="Model comparison" tabIndex={0}>
          <table className="models-table compare-table">
            <caption className="muted">
              Every comparison reads from the first model, {firstName}: “{firstName}: 15.7× this” is {firstName}’s value
              divided by this model’s; “{firstName}: 2.1 pts lower” is {firstName}’s score minus this model’s.
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                {chosen.map((r) => (
                  <th key={r.model.id} scope="col">
                    {r.model.name}{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove ${r.model.name} from compare`}
                      onClick={() => toggleCompare(r.model.id)}
                    >
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr
                  key={f.label}
                  className={
                    scenario === 'seventeen-times' && f.label === REPORTED_WITH_BASE
                      ? 'compare-row--scenario'
                      : undefined
                  }
                >
                  <th scope="row">{f.label}</th>
                  {chosen.map((r, i) => {
                    const v = f.read(r, ctx);
                    return (
                      <td key={r.model.id}>
                        <ValueCell value={v} unit={f.unit} />
                        {i > 0 && (
                          <Relation
                            first={firstName}
                            base={f.read(chosen[0]!, ctx)?.value}
                            other={v?.value}
                            field={f}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
});
