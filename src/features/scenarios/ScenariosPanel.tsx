import { useAppStore } from '../../store/store';
import { SCENARIOS, scenarioState } from '../../store/scenarios';
import { SourceLink } from '../../ui/ValueCell';

export function ScenariosPanel() {
  const apply = useAppStore((s) => s.applyScenario);
  const active = useAppStore((s) => s.activeScenarioId);
  return (
    <section className="panel scenarios" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Scenarios</h2>
      <ul className="scenario-list">
        {SCENARIOS.map((sc) => (
          <li key={sc.id}>
            <button
              type="button"
              className="preset"
              aria-pressed={active === sc.id}
              onClick={() => apply(scenarioState(sc), sc.id)}
            >
              {sc.title}
            </button>
            {active === sc.id && (
              <p className="slider__note">
                {sc.expect} <SourceLink title="Source" url={sc.source.url} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
