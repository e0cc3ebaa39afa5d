import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../testing/test-utils';
import { draftKey, useDraft } from './use-draft';

const STARTER = 'def solve():\n    pass\n';

describe('drafts', () => {
  afterEach(() => vi.useRealTimers());

  it('starts from the starter code and saves each change shortly after typing stops', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useDraft('ex-1', STARTER));
    expect(result.current.code).toBe(STARTER);
    expect(result.current.status).toBe('starter');

    act(() => result.current.setCode('def solve():\n    return 1\n'));
    expect(result.current.status).toBe('unsaved');
    expect(localStorage.getItem(draftKey('ex-1'))).toBeNull();

    act(() => vi.advanceTimersByTime(500));
    expect(result.current.status).toBe('saved');
    expect(JSON.parse(localStorage.getItem(draftKey('ex-1'))!).code).toBe('def solve():\n    return 1\n');
  });

  it('brings the draft back when the exercise is opened again, and keeps exercises apart', () => {
    localStorage.setItem(draftKey('ex-1'), JSON.stringify({ code: 'mine', savedAt: new Date().toISOString() }));
    expect(renderHook(() => useDraft('ex-1', STARTER)).result.current).toMatchObject({ code: 'mine', status: 'saved' });
    expect(renderHook(() => useDraft('ex-2', STARTER)).result.current.code).toBe(STARTER);
  });

  it('saves what was typed when the page is left before the delay', () => {
    const { result, unmount } = renderHook(() => useDraft('ex-1', STARTER));
    act(() => result.current.setCode('typed just before leaving'));
    unmount();
    expect(JSON.parse(localStorage.getItem(draftKey('ex-1'))!).code).toBe('typed just before leaving');
  });

  it('drops the draft on reset', () => {
    localStorage.setItem(draftKey('ex-1'), JSON.stringify({ code: 'mine', savedAt: new Date().toISOString() }));
    const { result } = renderHook(() => useDraft('ex-1', STARTER));
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ code: STARTER, status: 'starter' });
    expect(localStorage.getItem(draftKey('ex-1'))).toBeNull();
  });

  it('ignores a corrupted stored draft', () => {
    localStorage.setItem(draftKey('ex-1'), '{not json');
    expect(renderHook(() => useDraft('ex-1', STARTER)).result.current.code).toBe(STARTER);
  });

  it('shows the saved draft in the exercise editor', async () => {
    localStorage.setItem(
      draftKey('fit-messages-to-budget'),
      JSON.stringify({ code: 'def fit(messages, budget):\n    return messages[-1:]\n', savedAt: new Date().toISOString() }),
    );
    renderApp('/exercises/fit-messages-to-budget');
    // the editor lives in a shadow root (code-editor.tsx), which queries of the document do not enter
    const editorRoot = await waitFor(() => {
      const root = document.querySelector('.code-editor')?.shadowRoot;
      expect(root).toBeTruthy();
      return root as unknown as HTMLElement;
    });
    const editor = await within(editorRoot).findByRole('textbox', { name: 'Solution code (Python)' });
    await waitFor(() => expect(editor).toHaveTextContent('return messages[-1:]'));
    expect(screen.getByText(/^Draft saved at/)).toBeInTheDocument();
  });
});
