/** Canonical form of a cpuset (`0,1,2,5` → `0-2,5`); the input returned unchanged when it is not a plain list of numbers and ranges. */
export function normaliseCpuset(cpuset: string): string {
  const cpus = new Set<number>();
  for (const part of cpuset.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!range) return cpuset;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > 65536) return cpuset;
    for (let cpu = from; cpu <= to; cpu++) cpus.add(cpu);
  }
  const sorted = [...cpus].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}
