import { useDeferredValue } from 'react';
import { selectRows, selectVisibleRows, type Row } from './selectors';
import { useAppStore } from './store';

/**
 * Rows for the heavy views, one step behind the store: a slider step first repaints the slider
 * (so the input stays responsive), then the chart and table redraw in an interruptible render.
 * Views take these rows as props in a memoized inner component, so the urgent render skips them.
 */
export function useDeferredVisibleRows(): Row[] {
  return useDeferredValue(useAppStore(selectVisibleRows));
}

export function useDeferredAllRows(): Row[] {
  return useDeferredValue(useAppStore(selectRows));
}
