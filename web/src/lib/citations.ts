import { contentHref, type ContentIndex } from './content-index';
/** A curriculum passage an answer cites: a lesson (or exercise) and, when known, its section. */
export type Citation = { sourceId: string; title: string; section?: string | null; sectionAnchor?: string | null };

// "[2] Title — Section (source-id#anchor)" or "[2] Title (source-id)", as the coach lists its sources
const SOURCE_LINE = /^\[(\d+)\]\s+(.+?)\s+\(([^\s()#]+)(?:#([^\s()]+))?\)\s*$/;

/**
 * The numbered sources listed at the end of a stored answer, for answers read back from the
 * session (the live answer event carries them as data).
 */
export function citationsInText(text: string): Map<number, Citation> {
  const found = new Map<number, Citation>();
  for (const line of text.split('\n')) {
    const match = SOURCE_LINE.exec(line.trim());
    if (match) {
      const [, number, label, sourceId, anchor] = match;
      const [title, section] = label.split(' — ', 2);
      found.set(Number(number), { sourceId, title, section: section ?? null, sectionAnchor: anchor ?? null });
    }
  }
  return found;
}

/** Numbered citations: those of the answer event in order, else those listed in the text. */
export function numberedCitations(text: string, fromEvent: Citation[] | undefined): Map<number, Citation> {
  if (fromEvent && fromEvent.length > 0) {
    return new Map(fromEvent.map((c, i) => [i + 1, c]));
  }
  return citationsInText(text);
}

/** How a citation is named to the learner: "Title — Section", or the title alone. */
export function citationLabel(c: Citation): string {
  return c.section ? `${c.title} — ${c.section}` : c.title;
}

/** Where each numbered source of a text links (the lesson section it cites) and how it is labelled. */
export function citationLinks(citations: Map<number, Citation>, index: ContentIndex | undefined) {
  return {
    href: (n: number) => {
      const c = citations.get(n);
      return c ? contentHref(index, c.sourceId, c.sectionAnchor) : null;
    },
    label: (n: number) => {
      const c = citations.get(n);
      return c ? citationLabel(c) : null;
    },
  };
}
