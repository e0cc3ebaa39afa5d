import type { Section } from '../api/get-lesson';

/** In-page links to the lesson's headings (levels 2 and 3). */
export function LessonToc({ sections, activeAnchor }: { sections: Section[]; activeAnchor?: string }) {
  const entries = sections.filter((s) => s.level >= 2 && s.level <= 3);
  if (entries.length === 0) {
    return null;
  }
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc-title">On this page</p>
      <ol>
        {entries.map((section) => (
          <li key={section.anchor} className={`toc-level-${section.level}`}>
            <a href={`#${section.anchor}`} aria-current={section.anchor === activeAnchor ? 'location' : undefined}>
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
