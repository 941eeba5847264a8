/** Loads one compile fixture (`test/fixtures/compile/<name>.yaml`) and checks a desired state against its expectations. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { compile, type CompileInput } from '../../../controller/compile/index.js';
import type { DesiredState, DesiredVm } from '../../../controller/types/desired.js';
import type { Resource } from '../../../controller/types/resources.js';

/** What a fixture expects; every listed key is checked, others are ignored. */
export interface CaseExpect {
  /** VM name → host name, for the VMs listed. */
  placements?: Record<string, string>;
  /** The complete unplaced list: VM, code and (when given) the exact reason. */
  unplaced?: { vm: string; code: string; reason?: string }[];
  /** Diagnostic codes, in order. */
  diagnostics?: string[];
}

/** A fixture: compile input plus expectations. */
export interface CompileCase {
  description: string;
  input: CompileInput;
  expect: CaseExpect;
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/compile/', import.meta.url));

/** Reads a fixture by name. */
export function loadCase(name: string): CompileCase {
  const doc = parse(readFileSync(`${FIXTURES}${name}.yaml`, 'utf8')) as {
    description: string;
    revision?: string;
    live?: Record<string, string>;
    capacities?: CompileInput['capacities'];
    resources: Resource[];
    expect?: CaseExpect;
  };
  const input: CompileInput = { resources: doc.resources, revision: doc.revision ?? 'r1' };
  if (doc.live !== undefined) input.live = doc.live;
  if (doc.capacities !== undefined) input.capacities = doc.capacities;
  return { description: doc.description, input, expect: doc.expect ?? {} };
}

/** VM name → host name of every placed VM. */
export function placementsOf(state: DesiredState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [host, hostState] of Object.entries(state.hosts)) {
    for (const vm of hostState.vms) out[vm.name] = host;
  }
  return out;
}

/** The compiled VM of that name, wherever it was placed. */
export function vmOf(state: DesiredState, name: string): DesiredVm {
  const vm = Object.values(state.hosts)
    .flatMap((h) => h.vms)
    .find((v) => v.name === name);
  if (vm === undefined) throw new Error(`VM ${name} is not in the desired state`);
  return vm;
}

/** Checks a desired state against a fixture's expectations. */
export function expectCase(state: DesiredState, expected: CaseExpect): void {
  if (expected.placements !== undefined) {
    const actual = placementsOf(state);
    const picked = Object.fromEntries(Object.keys(expected.placements).map((vm) => [vm, actual[vm]]));
    expect(picked).toEqual(expected.placements);
  }
  if (expected.unplaced !== undefined) {
    const actual = state.unplaced.map((u, i) =>
      expected.unplaced?.[i]?.reason === undefined ? { vm: u.vm, code: u.code } : { vm: u.vm, code: u.code, reason: u.reason },
    );
    expect(actual).toEqual(expected.unplaced);
  }
  if (expected.diagnostics !== undefined) expect(state.diagnostics.map((d) => d.code)).toEqual(expected.diagnostics);
}

/** Compiles a fixture, checks its expectations and returns the state for further checks. */
export function runCase(name: string, change?: (input: CompileInput) => CompileInput): DesiredState {
  const fixture = loadCase(name);
  const state = compile(change === undefined ? fixture.input : change(fixture.input));
  expectCase(state, fixture.expect);
  return state;
}
