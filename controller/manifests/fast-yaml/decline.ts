/** Thrown inside the fast parser when the text uses YAML outside the subset it reads exactly. */
export class Decline {
  constructor(
    /** What the parser met, e.g. `an anchor or alias`. */
    readonly reason: string,
    /** Zero-based line where it met it. */
    readonly line: number,
  ) {}
}

/** Stops the fast parse: the caller falls back to the full YAML parser. */
export function decline(reason: string, line: number): never {
  throw new Decline(reason, line);
}
