import { MarkdownText } from '../../../components/ui/markdown-text';
import { citationLabel, citationsInText } from '../../../lib/citations';
import { contentHref, useContentIndex } from '../../../lib/content-index';

/**
 * A plan's or review's Markdown, rendered like the coach's answers: numbered sources link to the
 * lesson sections they cite, and an activity named by its id ([fit-messages-to-budget]) links to it.
 */
export function PlanText({ text }: { text: string }) {
  const index = useContentIndex();
  const citations = citationsInText(text);
  const citationHref = (n: number) => {
    const c = citations.get(n);
    return c ? contentHref(index, c.sourceId, c.sectionAnchor) : null;
  };
  const labelOf = (n: number) => {
    const c = citations.get(n);
    return c ? citationLabel(c) : null;
  };
  // only ids the curriculum knows become links (a plan's brackets may hold other words); a check question opens its lesson
  const referenceHref = (id: string) => (index ? contentHref(index, id) : null);
  return <MarkdownText text={text} citationHref={citationHref} citationLabel={labelOf} referenceHref={referenceHref} />;
}
