import { useDeferredValue, useMemo } from 'react';
import { rowsFor, visibleRowsFor, type Row } from './selectors';
import { useAppStore } from './store';

/**
 * Rows for the heavy views, one step behind the store: a slider step first repaints the slider
 * (so the input stays responsive), then the chart and table redraw in an interruptible render.
 * What is deferred is the rows' inputs, not the rows: the estimates for 10,000 models are worked
 * out in that interruptible render, not inside the slider's input event. Views take these rows as
 * props in a memoized inner component, so the urgent render skips them.
 */
function useDeferredInputs() {
  const models = useAppStore((s) => s.dataset.models);
  const chips = useAppStore((s) => s.reference.chips);
  const assumptions = useAppStore((s) => s.assumptions);
  const filters = useAppStore((s) => s.filters);
  return useDeferredValue(
    useMemo(() => ({ models, chips, assumptions, filters }), [models, chips, assumptions, filters]),
  );
}

export function useDeferredVisibleRows(): Row[] {
  const { models, chips, assumptions, filters } = useDeferredInputs();
  return visibleRowsFor(models, chips, assumptions, filters);
}

export function useDeferredAllRows(): Row[] {
  const { models, chips, assumptions } = useDeferredInputs();
  return rowsFor(models, chips, assumptions);
}
