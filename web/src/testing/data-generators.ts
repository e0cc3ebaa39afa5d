import type { Track } from '../features/catalogue/api/get-tracks';
import type { Exercise } from '../features/exercises/api/get-exercise';
import type { Lesson } from '../features/lessons/api/get-lesson';
import type { Skill } from '../features/skills/api/get-skills';

/** A lesson with two sections, a choice question (answer: option 1) and a short one (answer: "tool"). */
export function lessonWithTwoSectionsAndChecks(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: 'messages-and-roles',
    trackId: 'llm-foundations',
    title: 'Messages and roles',
    skills: ['llm-messages'],
    prerequisites: [],
    difficulty: 1,
    minutes: 15,
    html:
      '<p>Every request carries the whole conversation.</p>' +
      '<h2 id="the-four-roles">The four roles</h2><p>system, user, assistant and tool.</p>' +
      '<pre><code class="language-python">messages = [{"role": "user"}]\n</code></pre>' +
      '<h2 id="common-mistakes">Common mistakes</h2><p>Forgetting to resend history.</p>',
    sections: [
      { anchor: 'the-four-roles', title: 'The four roles', level: 2 },
      { anchor: 'common-mistakes', title: 'Common mistakes', level: 2 },
    ],
    checks: [
      {
        id: 'why-resend',
        type: 'CHOICE',
        prompt: 'Why resend earlier turns?',
        options: ['For caching', 'The API is stateless', 'To count tokens'],
        skill: 'llm-messages',
      },
      { id: 'tool-role', type: 'SHORT', prompt: 'Which role carries a tool result?', options: [], skill: 'llm-messages' },
    ],
    contentVersion: 'test',
    ...overrides,
  };
}

export const CORRECT_ANSWERS: Record<string, string> = { 'why-resend': '1', 'tool-role': 'tool' };

/** An exercise with three hints, Python starter code and public tests. */
export function exerciseWithThreeHints(overrides: Partial<Exercise> = {}): Exercise {
  return {
    id: 'fit-messages-to-budget',
    trackId: 'llm-foundations',
    title: 'Fit messages to a token budget',
    skills: ['llm-context-budget'],
    prerequisites: [],
    difficulty: 2,
    minutes: 25,
    language: 'python',
    statementHtml: '<p>Drop the oldest turns until the conversation fits.</p>',
    starterCode: 'def fit(messages, budget):\n    raise NotImplementedError\n',
    publicTests: 'def test_keeps_system_prompt():\n    assert True\n',
    hintCount: 3,
    contentVersion: 'test',
    ...overrides,
  };
}

export const HINTS = ['Count tokens per message.', 'Never drop the system message.', 'Drop from the oldest user turn.'];

export function trackWithLessonAndExercise(): Track {
  return {
    id: 'llm-foundations',
    title: 'LLM foundations',
    summary: 'How chat models are called.',
    order: 1,
    lessons: [{ id: 'messages-and-roles', title: 'Messages and roles', difficulty: 1, minutes: 15, skills: [] }],
    exercises: [{ id: 'fit-messages-to-budget', title: 'Fit messages to a token budget', difficulty: 2, minutes: 25, skills: [] }],
  };
}

/** Three skills listed out of learning order: the second needs the third. */
export function skillsOutOfOrder(): Skill[] {
  return [
    { id: 'messages', name: 'Messages', description: 'Roles and turns.', prerequisites: [] },
    { id: 'budgets', name: 'Token budgets', description: 'Fitting a window.', prerequisites: ['tokens'] },
    { id: 'tokens', name: 'Tokens', description: 'What a token is.', prerequisites: ['messages'] },
  ];
}
