import { applyEvent, IDLE, type CrewRun } from './crew-run';

const running: CrewRun = { ...IDLE, status: 'running' };
const ev = (event: string, data: unknown) => ({ event, data: JSON.stringify(data) });

function after(events: { event: string; data: string }[]): CrewRun {
  return events.reduce((run, event) => applyEvent(run, event, 'PLAN'), running);
}

describe('applyEvent', () => {
  it('follows the coach, its draft, the mentor and its version', () => {
    const run = after([ev('agent', { agent: 'coach', offline: false }), ev('draft', { text: 'D' }), ev('agent', { agent: 'mentor', offline: false }), ev('review', { text: 'R' })]);
    expect(run).toMatchObject({ status: 'running', agent: { name: 'mentor', offline: false }, draft: 'D', review: 'R', restarted: false });
    // every step is kept for screen readers, also when the steps arrive in one batch
    expect(run.announcements).toEqual([
      'The coach is writing a draft of your plan.',
      'The coach finished the draft.',
      'The mentor is checking the draft.',
      'The mentor finished checking the draft.',
    ]);
  });

  it('keeps the id the server announced for the document, without announcing anything', () => {
    const run = after([ev('accepted', { id: 'p-1' }), ev('agent', { agent: 'coach', offline: true })]);
    expect(run.documentId).toBe('p-1');
    expect(run.announcements).toEqual(['The coach is writing a draft of your plan.']);
  });

  it('starts over with the offline crew when the models fail part-way, forgetting the first draft', () => {
    const run = after([ev('agent', { agent: 'coach', offline: false }), ev('draft', { text: 'model draft' }), ev('agent', { agent: 'coach', offline: true })]);
    expect(run).toMatchObject({ agent: { name: 'coach', offline: true }, draft: null, restarted: true });
    expect(run.announcements.at(-1)).toBe('No model could finish it, so the offline coach starts over. The coach is writing a draft of your plan.');
  });

  it('ignores events it does not know and refuses progress it cannot read', () => {
    expect(after([ev('heartbeat', {})])).toEqual(running);
    expect(() => after([{ event: 'draft', data: '{"txt": 1}' }])).toThrow('The server sent progress this page does not understand');
  });
});
