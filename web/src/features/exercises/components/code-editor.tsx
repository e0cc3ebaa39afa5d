import { python } from '@codemirror/lang-python';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

/** The selected lines (or the cursor's line when nothing is selected), for "ask the coach about this line". */
export type CodeSelection = { text: string; fromLine: number; toLine: number };

type Props = { value: string; onChange: (value: string) => void; label: string; onSelectionChange?: (selection: CodeSelection) => void };

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--fg)', fontSize: '0.9rem', maxHeight: '32rem' },
  '.cm-content': { caretColor: 'var(--fg)', fontFamily: 'var(--font-mono)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-scroller': { minHeight: '14rem' },
});

/** A Python editor (CodeMirror 6). Loaded lazily: it is the app's largest dependency. */
function selectionOf(state: EditorState): CodeSelection {
  const range = state.selection.main;
  const from = state.doc.lineAt(range.from);
  const to = state.doc.lineAt(range.to);
  const text = range.empty ? from.text : state.sliceDoc(range.from, range.to);
  return { text, fromLine: from.number, toLine: to.number };
}

export default function CodeEditor({ value, onChange, label, onSelectionChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const latestOnSelection = useRef(onSelectionChange);
  latestOnSelection.current = onSelectionChange;

  useEffect(() => {
    // CodeMirror puts its styles into a <style> element in a document, which the server's
    // Content-Security-Policy refuses (style-src 'self'); in a shadow root it uses a constructed
    // style sheet instead, which the policy allows. Custom properties (the theme's colours) and
    // fonts still inherit into it; the page's own rules for .cm-* classes do not, hence the theme.
    const root = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          python(),
          theme,
          // an explicit tabindex lets checkers see the scroll area holds focusable content (no extra tab stop)
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              latestOnChange.current(update.state.doc.toString());
            }
            if (update.selectionSet || update.docChanged) {
              latestOnSelection.current?.(selectionOf(update.state));
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // the editor is created once; later value changes are applied below
  }, [label]);

  // a value set from outside (reset to starter code) replaces the document
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="code-editor" />;
}
