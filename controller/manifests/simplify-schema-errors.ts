import type { ErrorObject } from 'ajv/dist/2020.js';
import { describeCondition } from './describe-schema.js';
import { declaredProperties } from './schema-refs.js';

/** An ajv error after simplification, with the `if` condition it depends on, if any. */
export interface SchemaError {
  error: ErrorObject;
  /** e.g. `mode is "bridge"`, when the error comes from a `then`/`else` branch. */
  condition?: string;
}

const COMBINATORS: ReadonlySet<string> = new Set(['oneOf', 'anyOf']);

const within = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/**
 * Turns ajv's raw `allErrors` output into the errors a person needs: one branch of a failed
 * `oneOf`/`anyOf` (the closest match) or one combined error when no branch is closest; `then`/`else`
 * errors annotated with their `if` condition; no `if` noise; no unevaluated-property errors for
 * properties that are declared but failed elsewhere.
 */
export function simplifySchemaErrors(errors: readonly ErrorObject[]): SchemaError[] {
  const removed = new Set<number>();
  const ifs: { index: number; error: ErrorObject }[] = [];
  errors.forEach((error, index) => {
    if (error.keyword === 'if') {
      ifs.push({ index, error });
      removed.add(index);
    } else if (error.keyword === 'propertyNames' && errors.some((e) => e.propertyName !== undefined && within(e.instancePath, error.instancePath))) {
      removed.add(index);
    } else if (error.keyword === 'unevaluatedProperties') {
      const name = String((error.params as { unevaluatedProperty?: unknown }).unevaluatedProperty);
      if (declaredProperties(error.parentSchema).has(name)) removed.add(index);
    }
  });

  const combos = errors
    .map((error, index) => ({ error, index }))
    .filter(({ error }) => COMBINATORS.has(error.keyword))
    .sort((a, b) => a.error.instancePath.length - b.error.instancePath.length || a.error.schemaPath.length - b.error.schemaPath.length);
  for (const combo of combos) {
    if (removed.has(combo.index)) continue;
    const branches = new Map<number, number[]>();
    const prefix = `${combo.error.schemaPath}/`;
    for (let i = 0; i < combo.index; i++) {
      const e = errors[i] as ErrorObject;
      if (removed.has(i) || !within(e.instancePath, combo.error.instancePath) || !e.schemaPath.startsWith(prefix)) continue;
      const branch = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      branches.set(branch, [...(branches.get(branch) ?? []), i]);
    }
    const passing = (combo.error.params as { passingSchemas?: unknown }).passingSchemas;
    const bestBranches = closestBranches(combo.error, branches);
    if (Array.isArray(passing) || bestBranches.length !== 1) {
      for (const list of branches.values()) for (const i of list) removed.add(i);
      continue;
    }
    const keep = bestBranches[0] as number;
    for (const [branch, list] of branches) if (branch !== keep) for (const i of list) removed.add(i);
    removed.add(combo.index);
  }

  const out: SchemaError[] = [];
  const unconditional: SchemaError[] = [];
  errors.forEach((error, index) => {
    if (removed.has(index)) return;
    const item: SchemaError = { error };
    const branch = /^(.*)\/(then|else)\//.exec(error.schemaPath);
    if (branch !== null) {
      const owner = ifs
        
        .filter(({ error: e }) => e.schemaPath === `${branch[1]}/if` && within(error.instancePath, e.instancePath))
        .sort((a, b) => b.error.instancePath.length - a.error.instancePath.length)[0];
      const ifSchema = (owner?.error.parentSchema as { if?: unknown } | undefined)?.if;
      const condition = owner === undefined ? undefined : describeCondition(ifSchema, branch[2] === 'else');
      if (condition !== undefined) item.condition = condition;
    }
    (item.condition === undefined ? unconditional : out).push(item);
  });
  return [...unconditional, ...out];
}

/**
 * The branches of a failed `oneOf`/`anyOf` the data was most likely meant for: most of the data's
 * keys named by the branch, then fewest errors. Several (a tie) means no branch stands out.
 */
function closestBranches(combo: ErrorObject, branches: ReadonlyMap<number, number[]>): number[] {
  if (branches.size === 0) return [];
  const alternatives = Array.isArray(combo.schema) ? (combo.schema as unknown[]) : [];
  const keys = typeof combo.data === 'object' && combo.data !== null && !Array.isArray(combo.data) ? Object.keys(combo.data) : [];
  const affinity = (branch: number) => {
    const named = declaredProperties(alternatives[branch]);
    return keys.filter((k) => named.has(k)).length;
  };
  const scored = [...branches.entries()].map(([branch, list]) => ({ branch, affinity: affinity(branch), errors: list.length }));
  const top = Math.max(...scored.map((s) => s.affinity));
  if (keys.length > 0 && top === 0) return scored.map((s) => s.branch);
  const near = scored.filter((s) => s.affinity === top);
  const fewest = Math.min(...near.map((s) => s.errors));
  const best = near.filter((s) => s.errors === fewest).map((s) => s.branch);
  if (keys.length === 0 && alternatives.length > 0 && typeof combo.data === 'object') return scored.map((s) => s.branch);
  return best;
}
