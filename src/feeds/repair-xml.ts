import { decodeHTML } from 'entities';

/** The entities XML defines itself; every other named entity is undefined in a feed without a DTD. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Makes a feed's XML safe and parseable before it reaches the XML parser:
 * - a DOCTYPE (with its internal subset) is removed, so declared entities are never expanded —
 *   billion-laughs and external-entity (XXE) documents become inert;
 * - HTML named entities (`&eacute;`, `&nbsp;`, `&rsquo;`), undefined in XML, become numeric
 *   references; unknown ones become literal text (`&amp;name;`).
 * Returns the text and a note for each repair.
 *
 * @example
 *   repairXml('<title>testing &eacute; entity</title>').text; // '<title>testing &#233; entity</title>'
 */
export function repairXml(source: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let text = source;
  const doctype = /<!DOCTYPE\s[^[>]*(\[[\s\S]*?\]\s*)?>/i;
  const match = doctype.exec(text.slice(0, 65_536));
  if (match) {
    text = text.slice(0, match.index) + text.slice(match.index + match[0].length);
    if (match[1] && /<!ENTITY/i.test(match[1])) warnings.push('the DOCTYPE declares entities: ignored (entities are never expanded)');
  }
  let undefinedCount = 0;
  let unknownCount = 0;
  if (text.includes('&')) {
    text = text.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => {
      if (XML_ENTITIES.has(name)) return whole;
      const decoded = decodeHTML(whole);
      if (decoded !== whole) {
        undefinedCount++;
        let references = '';
        for (const char of decoded) references += `&#${char.codePointAt(0) ?? 63};`;
        return references;
      }
      unknownCount++;
      return `&amp;${name};`;
    });
  }
  if (undefinedCount) warnings.push(`${undefinedCount} HTML named entit${undefinedCount === 1 ? 'y' : 'ies'} (undefined in XML) read as HTML`);
  if (unknownCount) warnings.push(`${unknownCount} unknown entit${unknownCount === 1 ? 'y' : 'ies'} kept as text`);
  return { text, warnings };
}
