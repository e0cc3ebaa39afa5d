/** Languages the lessons use; anything else is left as plain monospaced text. */
const SUPPORTED = new Set(['python', 'json', 'bash', 'yaml', 'java']);
const ALIASES: Record<string, string> = { py: 'python', sh: 'bash', shell: 'bash', yml: 'yaml' };

function languageOf(element: Element): string | undefined {
  for (const name of element.classList) {
    if (name.startsWith('language-')) {
      const raw = name.slice('language-'.length).toLowerCase();
      const language = ALIASES[raw] ?? raw;
      return SUPPORTED.has(language) ? language : undefined;
    }
  }
  return undefined;
}

/**
 * Highlights the code blocks under {@code root} whose language class is supported. The
 * highlighter (highlight.js core with five grammars) is loaded only when a page has such a block.
 */
export async function highlightCodeWithin(root: HTMLElement): Promise<void> {
  const blocks = Array.from(root.querySelectorAll('pre code')).filter(
    (block) => languageOf(block) && !block.hasAttribute('data-highlighted'),
  );
  if (blocks.length === 0) {
    return;
  }
  const { highlighter } = await import('./highlighter');
  for (const block of blocks) {
    const language = languageOf(block)!;
    block.className = `language-${language}`;
    highlighter.highlightElement(block as HTMLElement);
  }
}
