import type { GuidLookup } from './known-guids.ts';

const ITEM = /<item(?=[\s>])[^>]*>([\s\S]*?)<\/item>/g;
const ENTRY = /<entry(?=[\s>])[^>]*>([\s\S]*?)<\/entry>/g;
const GUID = /<guid\b[^>]*>([^<&]*)<\/guid>/;
const ATOM_ID = /<id\b[^>]*>([^<&]*)<\/id>/;

function count(text: string, needle: string): number {
  let found = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found++;
  return found;
}

/**
 * Cuts the items a feed already delivered (known by guid, or Atom id) out of the document and
 * lists their ids, so the XML parser does not rebuild what Précis would throw away: on a polled
 * feed that changed, most items are old. Purely an optimization — whenever the document does
 * not split cleanly into items (a CDATA section or comment that could hide a closing tag, an id
 * with markup or entities), it is returned untouched and parsed in full.
 *
 * @example
 *   skipKnownItems(xml, 'rss', new Set(['guid-1'])).skipped; // ['guid-1']
 */
export function skipKnownItems(xml: string, format: 'rss' | 'rdf' | 'atom', known: GuidLookup): { text: string; skipped: string[] } {
  if (!known.size || format === 'rdf') return { text: xml, skipped: [] };
  const pattern = format === 'atom' ? ENTRY : ITEM;
  const idPattern = format === 'atom' ? ATOM_ID : GUID;
  // Another item opening inside, or an Atom <source> whose <id> would come first: not a clean split.
  const nested = format === 'atom' ? /<(entry|source)[\s>]/ : /<item[\s>]/;
  const skipped: string[] = [];
  const state = { clean: true };
  const text = xml.replace(pattern, (whole, inner: string) => {
    if (!state.clean) return whole;
    // A closing tag hidden in CDATA or a comment would have cut the match short: give up.
    if (count(inner, '<![CDATA[') !== count(inner, ']]>') || inner.includes('<!--') || nested.test(inner)) {
      state.clean = false;
      return whole;
    }
    const id = idPattern.exec(inner);
    const value = id?.[1]?.trim();
    if (!id || !value || !known.has(value)) return whole;
    skipped.push(value);
    return '';
  });
  return state.clean ? { text, skipped } : { text: xml, skipped: [] };
}
