import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { EffortBadges } from '../../../components/ui/difficulty';
import { RenderedHtml } from '../../../components/ui/rendered-html';
import { useLesson } from '../api/get-lesson';
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

/** A lesson: its rendered text with highlighted code, table of contents and check questions. */
export function LessonReader({ lessonId }: { lessonId: string }) {
  const { data: lesson } = useLesson(lessonId);
  const { hash } = useLocation();
  const [rendered, setRendered] = useState(false);
  const onRendered = useCallback(() => setRendered(true), []);

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
          <RenderedHtml html={lesson.html} className="lesson-body" onRendered={onRendered} />
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
