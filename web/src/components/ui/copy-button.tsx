import { useState } from 'react';

/** Copies {@code text} to the clipboard and says so (or, where the browser refuses, asks to copy by hand). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [result, setResult] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult('Copied.');
    } catch {
      setResult('This browser did not allow copying: select the text and copy it by hand.');
    }
  }

  return (
    <div className="form-actions">
      <button type="button" className="button secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status">{result}</span>
    </div>
  );
}
