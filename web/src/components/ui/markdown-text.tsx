import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Markdown the coach or its agents wrote (answers, plans, reviews) as React elements: headings, lists, code blocks, paragraphs, inline
 * code, bold, links and citation marks [n]. Nothing is ever parsed as HTML: text the model or the
 * learner wrote stays text, whatever it contains.
 */
type Props = {
  text: string;
  citationHref: (n: number) => string | null;
  citationLabel: (n: number) => string | null;
  /** Where a bracketed curriculum id such as [fit-messages-to-budget] leads (plans name their activities so); text if null. */
  referenceHref?: (id: string) => string | null;
};

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\[\d+\])|\[([^\]\n]+)\]\(([^)\s]+)\)|\[([a-z0-9][a-z0-9-]*(?:\/[a-z0-9-]+)?)\](?!\()/g;

function safeHref(url: string): string | null {
  if (url.startsWith('/') && !url.startsWith('//')) {
    return url;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function inline(text: string, props: Props, keyBase: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) {
      nodes.push(text.slice(last, at));
    }
    const key = `${keyBase}-${(index += 1)}`;
    if (match[1]) {
      nodes.push(<code key={key}>{match[1].slice(1, -1)}</code>);
    } else if (match[2]) {
      nodes.push(<strong key={key}>{match[2].slice(2, -2)}</strong>);
    } else if (match[3]) {
      const n = Number(match[3].slice(1, -1));
      const href = props.citationHref(n);
      const label = props.citationLabel(n);
      nodes.push(
        href ? (
          <Link key={key} to={href} className="citation-mark" aria-label={label ? `Source ${n}: ${label}` : `Source ${n}`}>
            [{n}]
          </Link>
        ) : (
          match[3]
        ),
      );
    } else if (match[6]) {
      const href = props.referenceHref?.(match[6]);
      nodes.push(
        href ? (
          <Link key={key} to={href}>
            [{match[6]}]
          </Link>
        ) : (
          match[0]
        ),
      );
    } else {
      const href = safeHref(match[5]);
      if (href?.startsWith('/')) {
        nodes.push(
          <Link key={key} to={href}>
            {match[4]}
          </Link>,
        );
      } else if (href) {
        nodes.push(
          <a key={key} href={href} rel="noopener noreferrer" target="_blank">
            {match[4]}
          </a>,
        );
      } else {
        nodes.push(match[0]);
      }
    }
    last = at + match[0].length;
  }
  if (last < text.length) {
    nodes.push(text.slice(last));
  }
  return nodes;
}

export function MarkdownText(props: Props) {
  const lines = props.text.replace(/\r\n/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let key = 0;

  const flushParagraph = () => {
    if (paragraph.length > 0) {
      const k = `p${(key += 1)}`;
      blocks.push(<p key={k}>{inline(paragraph.join(' '), props, k)}</p>);
      paragraph = [];
    }
  };
  const flushList = () => {
    if (list) {
      const k = `l${(key += 1)}`;
      const items = list.items.map((item, i) => <li key={i}>{inline(item, props, `${k}-${i}`)}</li>);
      blocks.push(list.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>);
      list = null;
    }
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flushParagraph();
      flushList();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i].startsWith('```')) {
        code.push(lines[i]);
        i += 1;
      }
      blocks.push(
        <pre key={`c${(key += 1)}`} tabIndex={0}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const k = `h${(key += 1)}`;
      blocks.push(
        <p key={k} className="answer-heading">
          {inline(heading[2], props, k)}
        </p>,
      );
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = !bullet;
      if (list && list.ordered !== ordered) {
        flushList();
      }
      list = list ?? { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]);
    } else if (/^\[\d+\]\s/.test(line.trim())) {
      // a numbered source: one line each
      flushParagraph();
      flushList();
      const k = `s${(key += 1)}`;
      const source = /^\[(\d+)\]\s+(.+?)\s+\([^()\s]+\)$/.exec(line.trim());
      const href = source ? props.citationHref(Number(source[1])) : null;
      blocks.push(
        <p key={k} className="answer-source">
          {source && href ? (
            <>
              [{source[1]}] <Link to={href}>{source[2]}</Link>
            </>
          ) : (
            inline(line.trim(), props, k)
          )}
        </p>,
      );
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return <div className="answer-text">{blocks}</div>;
}
