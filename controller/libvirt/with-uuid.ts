/**
 * Adds `<uuid>` to a domain or network definition that has none, right after its `<name>`, so
 * that `virsh define` / `net-define` replace the existing object of that name instead of refusing
 * a second one ("already exists with uuid ...").
 */
export function withUuid(xml: string, uuid: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(uuid)) throw new Error(`invalid uuid ${JSON.stringify(uuid)}`);
  if (/<uuid>/.test(xml)) return xml;
  const at = xml.indexOf('</name>');
  if (at < 0) return xml;
  const end = at + '</name>'.length;
  return `${xml.slice(0, end)}<uuid>${uuid}</uuid>${xml.slice(end)}`;
}
