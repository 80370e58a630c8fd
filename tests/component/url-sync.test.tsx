import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useAppStore } from '../../src/store/store';
import { serializeUrl } from '../../src/store/url';
import { currentUrlState, startUrlSync, URL_WRITE_DELAY_MS } from '../../src/store/urlSync';
import { resetStore } from './helpers';

let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  resetStore();
  // the address of the defaults (it names the bundled data's version)
  window.history.replaceState(null, '', `/${serializeUrl(currentUrlState())}`);
  stop = startUrlSync(window);
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

const mfu = () => new URLSearchParams(window.location.search).get('mfu');

test('a burst of slider steps becomes one history entry holding the last value, written just after the steps', () => {
  const before = window.history.length;
  for (const v of [0.36, 0.37, 0.38, 0.39, 0.4]) {
    useAppStore.getState().setAssumption('mfu', v);
    vi.advanceTimersByTime(30);
  }
  // keyboard repeat is faster than the write delay: one write so far at most, none inside a step
  vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
  expect(mfu()).toBe('0.4');
  expect(window.history.length).toBe(before + 1);
  // the burst settles; the next change is a new entry that Back can return from
  vi.advanceTimersByTime(1000);
  useAppStore.getState().setAssumption('mfu', 0.5);
  expect(mfu()).toBe('0.4');
  vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
  expect(mfu()).toBe('0.5');
  expect(window.history.length).toBe(before + 2);
});

test('hiding or leaving the page writes a pending change at once', () => {
  useAppStore.getState().setAssumption('mfu', 0.45);
  expect(mfu()).toBeNull();
  window.dispatchEvent(new Event('pagehide'));
  expect(mfu()).toBe('0.45');
});

test('a change that leaves the address as it is writes nothing', () => {
  const before = window.history.length;
  useAppStore.getState().setAssumption('mfu', 0.5);
  useAppStore.getState().setAssumption('mfu', 0.35); // back to the default: nothing to write
  vi.advanceTimersByTime(URL_WRITE_DELAY_MS * 2);
  expect(mfu()).toBeNull();
  expect(window.history.length).toBe(before);
});
