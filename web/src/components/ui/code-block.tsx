import { useRef } from 'react';
import { useHighlightedCode } from '../../hooks/use-highlighted-code';

/** Read-only code, highlighted when its language is one the app knows. */
export function CodeBlock({ code, language, label }: { code: string; language: string; label?: string }) {
  const ref = useRef<HTMLPreElement>(null);
  useHighlightedCode(ref, code);
  return (
    <pre ref={ref} className="code-block" aria-label={label} tabIndex={0}>
      <code className={`language-${language}`}>{code}</code>
    </pre>
  );
}
