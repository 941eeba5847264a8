import { inject } from 'vitest';
import { testbedFromState, type Testbed } from './testbed.js';

/** The testbed of the current e2e run (brought up by the e2e global setup). */
export function injectTestbed(): Testbed {
  return testbedFromState(inject('testbed'));
}
