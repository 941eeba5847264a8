import { UPDATE_CLASS_ORDER, type FieldChange, type UpdateClass } from '../types/change.js';

/** The most disruptive class among `fields` (UPDATE_CLASS_ORDER), or undefined when there are none. */
export function worstClass(fields: readonly FieldChange[]): UpdateClass | undefined {
  for (const candidate of UPDATE_CLASS_ORDER) {
    if (fields.some((field) => field.class === candidate)) return candidate;
  }
  return undefined;
}
