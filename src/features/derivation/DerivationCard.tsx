import { memo, useEffect, useRef, useState } from 'react';
import type { Estimate, InputUsed, Quantity, ReferenceCheck, RunEstimate } from '../../domain/estimate';
import type { EpochReference } from '../../data/schema';
import { formatValue, type UnitKind } from '../../domain/format';
import { activeParamsOf, DENSE_MARKER } from '../../domain/params';
import { useAppStore } from '../../store/store';
import { MAX_NOTE_LENGTH, noteOf } from '../../store/url';
import { useDeferredAllRows } from '../../store/useDeferredRows';
import type { Row } from '../../store/selectors';
import { STATUS_META } from '../../ui/status';
import { assumptionLabel, mapUnit, SourceLink, ValueCell } from '../../ui/ValueCell';
import { rememberOpener, returnFocus } from '../../ui/focusReturn';

function InputLine({ input }: { input: InputUsed }) {
  const meta = STATUS_META[input.status];
  const unit: UnitKind = input.unit === 'hours' ? 'hours' : mapUnit(input.unit);
  return (
    <li className={`derivation__input value--${input.status}`}>
      <span className="derivation__input-label">{input.label}</span>{' '}
      <span className="derivation__input-value">
        {meta.mark && <span aria-hidden="true">{meta.mark} </span>}
        {input.unit === 'ratio' && input.label === 'PUE'
          ? String(input.value)
          : input.unit === 'ratio' && input.status === 'assumption'
            ? `×${input.value}`
            : formatValue(input.value, unit, 'full')}
      </span>{' '}
      <span className="badge">{input.status === 'assumption' ? 'slider' : meta.label.toLowerCase()}</span>
      {input.source && (
        <>
          {' '}
          <SourceLink title={input.source.title} url={input.source.url} />
        </>
      )}
    </li>
  );
}

function Step({ title, q, unit }: { title: string; q: Quantity<number> | undefined; unit: UnitKind }) {
  if (!q) return null;
  return (
    <li className="derivation__step">
      <div className="derivation__head">
        <span className="derivation__title">{title}</span>
        <ValueCell value={q} unit={unit} precision="full" />
      </div>
      <div className="derivation__method">
        {q.provenance === 'computed' ? q.method : `${STATUS_META[q.provenance].label}: ${q.method}`}
      </div>
      {q.inputs.length > 0 && (
        <ul className="derivation__inputs">
          {q.inputs.map((i) => (
            <InputLine key={i.label} input={i} />
          ))}
        </ul>
      )}
      {q.provenance === 'computed' && q.note && <div className="derivation__warn">{q.note}</div>}
      {q.provenance !== 'computed' && q.source && (
        <div className="derivation__source">
          Source: <SourceLink title={q.source.title} url={q.source.url} />
        </div>
      )}
      {q.movesWith.length > 0 ? (
        <div className="derivation__moves">Moves with: {q.movesWith.map(assumptionLabel).join(', ')}</div>
      ) : (
        <div className="derivation__moves">Fixed: no slider moves this value</div>
      )}
    </li>
  );
}

function Run({ run, heading }: { run: RunEstimate; heading?: string }) {
  return (
    <>
      {heading && <h4 className="derivation__run">{heading}</h4>}
      <ol className="derivation__steps">
        <Step title="FLOP per token" q={run.flopPerToken} unit="flop" />
        <Step title="Training FLOP" q={run.trainingFlop} unit="flop" />
        {run.flopNote && run.flopNote !== run.trainingFlop?.note && (
          <li className="derivation__precedence">{run.flopNote}</li>
        )}
        <Step title="GPU-hours" q={run.gpuHours} unit="gpu-hours" />
        <Step title="Training cost" q={run.costUsd} unit="usd" />
        <Step title="Energy" q={run.energyMwh} unit="mwh" />
      </ol>
      {run.basisFallback && (
        <p className="derivation__warn">
          The chosen compute basis has no data for this model; the next available basis was used.
        </p>
      )}
      {run.costBasis && (
        <p className="derivation__chip">
          Cost basis: {COST_BASIS_LABEL[run.costBasis.basis]}
          {run.costBasis.fallback ? ` (${run.costBasis.fallback})` : ''}
        </p>
      )}
      {run.chip && run.gpuHours && (
        <p className="derivation__chip">
          Chip: {run.chip.name}
          {run.chip.assumed ? ' (assumed: the training chip is not known; change “Default chip”)' : ''}
          {run.chip.rehosted ? ' (what if: “What if trained on” is set; the real run is shown beside)' : ''}
        </p>
      )}
      {run.gpuHoursBeside && (
        <p className="derivation__beside">
          Reported GPU-hours, not used in the estimate:{' '}
          <ValueCell value={run.gpuHoursBeside} unit="gpu-hours" precision="full" />
        </p>
      )}
      {run.impliedMfu && (
        <p className="derivation__beside">
          Implied MFU from disclosed GPU-hours: <ValueCell value={run.impliedMfu} unit="fraction" precision="full" />
        </p>
      )}
      {run.clusterPowerMw && (
        <p className="derivation__beside">
          Cluster power: <ValueCell value={run.clusterPowerMw} unit="mw" precision="full" />
        </p>
      )}
      {run.missing.length > 0 && (
        <ul className="derivation__missing">
          {run.missing.map((m) => (
            <li key={m}>Unknown — {m}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function ParamsLine({ model }: { model: Row['model'] }) {
  const active = activeParamsOf(model);
  if (!model.totalParams && !active) return null;
  return (
    <p className="derivation__params">
      Parameters: total <ValueCell value={model.totalParams} unit="params" /> · active{' '}
      <ValueCell value={active?.params} unit="params" marker={active?.derived ? DENSE_MARKER : undefined} />
    </p>
  );
}

const COST_BASIS_LABEL = {
  rental: 'rental (GPU price)',
  market: 'market (listed rental price)',
  amortized: 'amortized hardware + energy (Epoch’s method)',
} as const;

function Check({ check }: { check: ReferenceCheck | undefined }) {
  if (!check) return null;
  return (
    <>
      {' '}
      · ours ÷ Epoch’s: <strong>{formatValue(check.ratio, 'ratio')}</strong>
      {check.reason && <span className="derivation__reason"> — why: {check.reason}</span>}
    </>
  );
}

/** Epoch AI's own figures for the model, beside ours with the ratio and, when far apart, the engine's reason. */
function EpochFigures({ reference, e }: { reference: EpochReference | undefined; e: Estimate }) {
  if (!reference || (!reference.trainingFlop && !reference.costUsd2023)) return null;
  return (
    <div className="derivation__epoch">
      <h4 className="derivation__run">Epoch AI’s figures for “{reference.model}” (shown beside, never used)</h4>
      <ul>
        {reference.trainingFlop && (
          <li>
            Training compute <ValueCell value={reference.trainingFlop} unit="flop" />
            {reference.excludesBase ? ' (this run only)' : ''}
            <Check check={e.epochFlop} />
          </li>
        )}
        {reference.costUsd2023 && (
          <li>
            Training cost, amortised, 2023 USD <ValueCell value={reference.costUsd2023} unit="usd" />
            <Check check={e.epochCost} />
          </li>
        )}
      </ul>
    </div>
  );
}

function NoteEditor({ id, name }: { id: string; name: string }) {
  const note = useAppStore((s) => noteOf(s.view.notes, id) ?? '');
  const setNote = useAppStore((s) => s.setNote);
  const [draft, setDraft] = useState(note);
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setNote(id, draft);
      }}
    >
      <label htmlFor={`note-${id}`}>Your note on {name} (shown on the chart, kept in the link and in exports)</label>
      <span className="note-editor__row">
        <input
          id={`note-${id}`}
          type="text"
          maxLength={MAX_NOTE_LENGTH}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Save note</button>
        {note && (
          <button
            type="button"
            onClick={() => {
              setDraft('');
              setNote(id, '');
            }}
          >
            Remove note
          </button>
        )}
      </span>
    </form>
  );
}

export function DerivationCard() {
  const rows = useDeferredAllRows();
  return <DerivationBody rows={rows} />;
}

const DerivationBody = memo(function DerivationBody({ rows }: { rows: Row[] }) {
  const selectedId = useAppStore((s) => s.view.selectedId);
  const select = useAppStore((s) => s.select);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const labs = useAppStore((s) => s.reference.labs);
  const inCompare = useAppStore((s) => (selectedId ? s.view.compareIds.includes(selectedId) : false));
  const row = rows.find((r) => r.model.id === selectedId);
  const labSpend = labs.find((l) => l.lab === row?.model.lab);
  const open = row !== undefined;
  const cardRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // a card opened by a permalink (sel=) does not take focus on page load; one opened by a click
  // or Enter does, so the reader lands on what they asked for
  const shownFor = useRef(selectedId);
  useEffect(() => {
    if (!open || shownFor.current === selectedId) return;
    shownFor.current = selectedId;
    rememberOpener();
    cardRef.current?.scrollTo?.({ top: 0 });
    headingRef.current?.focus();
  }, [open, selectedId]);
  useEffect(() => {
    if (!open) {
      shownFor.current = undefined;
      return;
    }
    // Escape closes the card wherever focus is (a source popover inside stops its own Escape)
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      select(undefined);
      returnFocus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, select]);
  if (!row) return null;
  const e: Estimate = row.estimate;
  const m = row.model;
  return (
    <section className="panel derivation" aria-labelledby="derivation-title" ref={cardRef}>
      <div className="derivation__header">
        <h2 id="derivation-title" tabIndex={-1} ref={headingRef}>
          How {m.name}’s cost is derived
        </h2>
        <div className="derivation__actions">
          <button type="button" onClick={() => toggleCompare(m.id)} aria-pressed={inCompare}>
            {inCompare ? 'In compare' : 'Add to compare'}
          </button>
          <button
            type="button"
            onClick={() => {
              select(undefined);
              returnFocus();
            }}
            aria-label="Close derivation"
            title="Close (Esc)"
          >
            ×
          </button>
        </div>
      </div>
      <p className="muted">
        {m.lab} · {m.country} · released {m.releaseDate} ·{' '}
        {m.architecture === 'moe' ? 'mixture of experts' : m.architecture} ·{' '}
        {m.openWeights ? `open weights${m.licence ? ` (${m.licence})` : ''}` : 'closed weights'}
      </p>
      <ParamsLine model={m} />
      <Run run={e} heading={e.baseRuns.length > 0 ? `${m.name}’s own run` : undefined} />
      {e.postTrainingUnknown && (
        <p className="derivation__warn derivation__partial">
          Post-training run unknown: {m.name}’s own run has no disclosed or estimable figures, so the totals below count
          the base model’s run only.
        </p>
      )}
      {e.baseRuns.map((run) => (
        <Run
          key={run.modelId}
          run={run}
          heading={`Base model run (${rows.find((r) => r.model.id === run.modelId)?.model.name ?? run.modelId})`}
        />
      ))}
      {e.baseRuns.length > 0 && (
        <p className="derivation__total">
          {e.postTrainingUnknown ? 'Total, base model run only (post-training run unknown): ' : 'Total with base run: '}
          <ValueCell value={e.totalTrainingFlop} unit="flop" precision="full" /> ·{' '}
          <ValueCell value={e.totalCostUsd} unit="usd" precision="full" /> ·{' '}
          <ValueCell value={e.totalGpuHours} unit="gpu-hours" precision="full" /> ·{' '}
          <ValueCell value={e.totalEnergyMwh} unit="mwh" precision="full" />
        </p>
      )}
      {e.reportedCostUsd && (
        <p className="derivation__reported">
          Reported cost (shown beside, never replaced):{' '}
          <ValueCell value={e.reportedCostUsd} unit="usd" precision="full" />
        </p>
      )}
      <EpochFigures reference={m.epochReference} e={e} />
      {labSpend && (
        <p className="derivation__beside">
          Wider accounting for {labSpend.lab} (company-wide, all runs and research, not this run):{' '}
          {labSpend.serverCapexUsd && (
            <>
              server capex <ValueCell value={labSpend.serverCapexUsd} unit="usd" precision="full" />{' '}
            </>
          )}
          {labSpend.operatingCostUsd && (
            <>
              · operating costs <ValueCell value={labSpend.operatingCostUsd} unit="usd" precision="full" />{' '}
            </>
          )}
          {labSpend.hardwareSpendUsd && (
            <>
              · hardware spend over <ValueCell value={labSpend.hardwareSpendUsd} unit="usd" precision="full" />
            </>
          )}
          . The “Full-cost multiplier” scales the run cost toward such totals.
        </p>
      )}
      {m.notes && <p className="derivation__notes">{m.notes}</p>}
      <NoteEditor key={m.id} id={m.id} name={m.name} />
    </section>
  );
});
