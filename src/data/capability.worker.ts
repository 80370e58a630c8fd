/// <reference lib="webworker" />
/**
 * The capability fit off the main thread. It only moves messages: data loading, selection, the
 * fit and the bootstrap live in pure modules (domain/capability, data/capabilityData).
 */
import { runCapabilityRequest, type CapabilityRequest, type CapabilityResponse } from './capabilityRunner';

self.onmessage = (e: MessageEvent<CapabilityRequest>) => {
  void runCapabilityRequest(e.data, (msg: CapabilityResponse) => self.postMessage(msg));
};
