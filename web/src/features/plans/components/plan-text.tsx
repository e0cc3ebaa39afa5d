import { MarkdownText } from '../../../components/ui/markdown-text';
import { citationLinks, citationsInText } from '../../../lib/citations';
import { contentHref, useContentIndex } from '../../../lib/content-index';

/**
 * A plan's or review's Markdown, rendered like the coach's answers: numbered sources link to the
 * lesson sections they cite, and an activity named by its id ([fit-messages-to-budget]) links to it.
 */
export function PlanText({ text }: { text: string }) {
  const index = useContentIndex();
  const links = citationLinks(citationsInText(text), index);
  // only ids the curriculum knows become links (a plan's brackets may hold other words); a check question opens its lesson
  const referenceHref = (id: string) => (index ? contentHref(index, id) : null);
  return <MarkdownText text={text} citationHref={links.href} citationLabel={links.label} referenceHref={referenceHref} />;
}
