import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useLocation } from 'react-router';
import { EffortBadges } from '../../../components/ui/difficulty';
import { RenderedHtml } from '../../../components/ui/rendered-html';
import { useLesson, type Section } from '../api/get-lesson';
import { CheckQuestion } from './check-question';
import { LessonToc } from './lesson-toc';

function scrollToAnchor(hash: string) {
  const anchor = decodeURIComponent(hash.replace(/^#/, ''));
  if (!anchor) {
    return false;
  }
  const target = document.getElementById(anchor);
  if (!target) {
    return false;
  }
  target.scrollIntoView({ block: 'start' });
  return true;
}

type Slot = { section: Section; element: HTMLElement };

/**
 * Places an "ask the coach about this section" button after each section heading of the rendered
 * lesson (the lesson's HTML comes from the server; the buttons are React portals into it).
 */
function useSectionSlots(root: RefObject<HTMLDivElement | null>, sections: Section[], ready: boolean, enabled: boolean) {
  const [slots, setSlots] = useState<Slot[]>([]);
  useEffect(() => {
    const container = root.current;
    if (!ready || !enabled || !container) {
      return;
    }
    const byAnchor = new Map(sections.filter((s) => s.level >= 2 && s.level <= 3).map((s) => [s.anchor, s]));
    const created: Slot[] = [];
    container.querySelectorAll<HTMLElement>('h2[id], h3[id]').forEach((heading) => {
      const section = byAnchor.get(heading.id);
      if (section) {
        const element = document.createElement('div');
        element.className = 'ask-section';
        heading.after(element);
        created.push({ section, element });
      }
    });
    setSlots(created);
    return () => {
      created.forEach((slot) => slot.element.remove());
      setSlots([]);
    };
  }, [root, sections, ready, enabled]);
  return slots;
}

type Props = {
  lessonId: string;
  /** When given, each section offers to ask the coach about it. */
  onAskAboutSection?: (section: Section, lessonTitle: string) => void;
};

/** A lesson: its rendered text with highlighted code, table of contents and check questions. */
export function LessonReader({ lessonId, onAskAboutSection }: Props) {
  const { data: lesson } = useLesson(lessonId);
  const { hash } = useLocation();
  const [rendered, setRendered] = useState(false);
  const onRendered = useCallback(() => setRendered(true), []);
  const body = useRef<HTMLDivElement>(null);
  const slots = useSectionSlots(body, lesson.sections, rendered, Boolean(onAskAboutSection));

  useEffect(() => {
    document.title = `${lesson.title} · AgentCoach`;
  }, [lesson.title]);

  // deep links (/lessons/x#section) and TOC clicks land on the section once the HTML is in place
  useEffect(() => {
    if (rendered && hash) {
      scrollToAnchor(hash);
    }
  }, [rendered, hash]);

  return (
    <div className="lesson-layout">
      <aside className="lesson-aside">
        <LessonToc sections={lesson.sections} activeAnchor={decodeURIComponent(hash.replace(/^#/, ''))} />
      </aside>
      <div className="lesson-main">
        <article className="lesson prose" aria-labelledby="lesson-title">
          <header className="lesson-header">
            <p className="eyebrow">Lesson</p>
            <h1 id="lesson-title">{lesson.title}</h1>
            <EffortBadges difficulty={lesson.difficulty} minutes={lesson.minutes} />
          </header>
          <div ref={body}>
            <RenderedHtml html={lesson.html} className="lesson-body" onRendered={onRendered} />
          </div>
          {onAskAboutSection &&
            slots.map(({ section, element }) =>
              createPortal(
                <button
                  type="button"
                  className="button secondary ask-button"
                  aria-label={`Ask the coach about this section: ${section.title}`}
                  onClick={() => onAskAboutSection(section, lesson.title)}
                >
                  Ask the coach about this section
                </button>,
                element,
                section.anchor,
              ),
            )}
        </article>
        {lesson.checks.length > 0 && (
          <section className="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">Check your understanding</h2>
            {lesson.checks.map((check, index) => (
              <CheckQuestion key={check.id} lessonId={lesson.id} check={check} number={index + 1} />
            ))}
          </section>
        )}
      </div>
    </div>
  );
}
