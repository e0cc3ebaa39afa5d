import { useEffect, useRef } from 'react';
import { useHighlightedCode } from '../../hooks/use-highlighted-code';

type Props = { html: string; className?: string; onRendered?: () => void };

/**
 * Shows HTML the server has already sanitised (lessons and statements are rendered from
 * Markdown with raw HTML escaped) and highlights its code blocks.
 */
export function RenderedHtml({ html, className, onRendered }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useHighlightedCode(ref, html);
  useEffect(() => {
    // code blocks and tables scroll sideways on narrow screens: keyboard users must reach them
    ref.current?.querySelectorAll('pre, table').forEach((element) => element.setAttribute('tabindex', '0'));
    onRendered?.();
  }, [html, onRendered]);
  return <div ref={ref} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
