import type { DomainModel } from './domain-model.js';
import { parseDomainXml } from './parse-domain.js';

/** Domain models parsed while reading observe output, remembered per live object with the XML they came from. */
const domainModels = new WeakMap<object, { xml: string; model: DomainModel }>();

/** Remembers the model parsed from `xml` for one live domain object, so later readers skip parsing it again. */
export function rememberDomainModel(domain: object, xml: string, model: DomainModel): void {
  domainModels.set(domain, { xml, model });
}

/**
 * The model of a live domain's XML: the one remembered for this object when its XML is still the
 * same string, else parsed now (and throws as parseDomainXml does). Callers must not modify it.
 */
export function liveDomainModel(domain: object, xml: string): DomainModel {
  const known = domainModels.get(domain);
  if (known !== undefined && known.xml === xml) return known.model;
  return parseDomainXml(xml);
}
