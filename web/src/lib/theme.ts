/** The learner's colour scheme choice; "system" follows prefers-color-scheme. */
export type ThemeChoice = 'light' | 'dark' | 'system';

const STORAGE_KEY = 'agentcoach.theme';

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Applies the choice to the document (CSS reads data-theme) and remembers it. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') {
    delete root.dataset.theme;
  } else {
    root.dataset.theme = choice;
  }
  try {
    if (choice === 'system') {
      localStorage.removeItem(STORAGE_KEY);
    } else {
      localStorage.setItem(STORAGE_KEY, choice);
    }
  } catch {
    // storage may be disabled (private mode): the choice then lasts for this page only
  }
}

/** Whether the page currently shows dark colours, whatever the reason. */
export function isDark(choice: ThemeChoice): boolean {
  if (choice !== 'system') {
    return choice === 'dark';
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
