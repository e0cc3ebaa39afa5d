import { useEffect, useState } from 'react';
import { applyTheme, isDark, storedTheme } from '../../lib/theme';

/** Switches between light and dark; the choice is remembered in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState(storedTheme);
  const dark = isDark(choice);

  useEffect(() => {
    applyTheme(choice);
  }, [choice]);

  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      onClick={() => setChoice(dark ? 'light' : 'dark')}
      title={dark ? 'Switch to light mode' : 'Switch to dark mode'}
    >
      <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
      <span className="visually-hidden">Dark mode</span>
    </button>
  );
}
