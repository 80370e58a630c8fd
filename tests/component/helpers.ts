import { useAppStore } from '../../src/store/store';
import { defaults } from '../../src/store/url';
import { DEFAULT_CAPABILITY_URL_STATE } from '../../src/store/capabilityUrl';

/** Puts the singleton store back to its defaults (curated dataset) between tests. */
export function resetStore(over: Partial<ReturnType<typeof defaults>['view']> = {}) {
  const d = defaults();
  useAppStore.setState({
    assumptions: d.assumptions,
    filters: d.filters,
    view: { ...d.view, ...over },
    notices: [],
    assumptionError: undefined,
    capability: DEFAULT_CAPABILITY_URL_STATE,
  });
}
