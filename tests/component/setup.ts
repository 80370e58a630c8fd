import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no Worker, so a view that asks for the capability fit loads its runner with a dynamic
// import (src/data/capabilityClient.ts). Waiting for that module here lets a load still in flight
// finish before the environment is torn down (else: "Cannot load … after the environment was torn down").
afterAll(async () => {
  await import('../../src/data/capabilityRunner');
});
