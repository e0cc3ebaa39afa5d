/** A piece of a search snippet: plain text, marked (a query term) or not. */
export type SnippetPart = { text: string; marked: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (ENTITIES[lower] !== undefined) {
      return ENTITIES[lower];
    }
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Splits the server's highlighted snippet (HTML-escaped text with query terms in <mark>) into
 * parts to render as text nodes. Only <mark> and </mark> have meaning; any other markup, escaped
 * or not, is kept as visible text, so a snippet can never inject HTML into the page.
 */
export function snippetParts(highlighted: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of highlighted.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') {
      marked = true;
    } else if (piece === '</mark>') {
      marked = false;
    } else if (piece !== '') {
      parts.push({ text: decodeEntities(piece), marked });
    }
  }
  return parts;
}
