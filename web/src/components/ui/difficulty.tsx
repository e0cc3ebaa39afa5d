const LABELS = ['', 'Introductory', 'Easy', 'Intermediate', 'Advanced', 'Expert'];

/** Difficulty (1-5) and expected minutes, as a short readable line. */
export function EffortBadges({ difficulty, minutes }: { difficulty: number; minutes: number }) {
  const label = LABELS[difficulty] ?? `Level ${difficulty}`;
  return (
    <span className="badges">
      <span className={`badge level-${difficulty}`} title={`Difficulty ${difficulty} of 5`}>
        {label}
      </span>
      <span className="badge">{minutes} min</span>
    </span>
  );
}
