import { decline } from './decline.js';

/**
 * Sets a mapping member as the `yaml` package's `toJS` does (a name the object has through its
 * prototype, like `__proto__`, becomes an own property); a repeated key is declined so that the
 * full parser reports it.
 */
export function setMember(out: Record<string, unknown>, name: string, value: unknown, line: number): void {
  if (Object.hasOwn(out, name)) decline('a duplicate key', line);
  if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}
