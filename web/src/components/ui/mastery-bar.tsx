/** A skill's mastery (0-100) as a labelled meter; the number is always written out too. */
export function MasteryBar({ label, proficiency }: { label: string; proficiency: number }) {
  const value = Math.max(0, Math.min(100, Math.round(proficiency)));
  const level = value >= 80 ? 'mastered' : value >= 50 ? 'learning' : 'new';
  return (
    <div className="mastery-row">
      <span className="mastery-label">{label}</span>
      <div
        className={`mastery-bar ${level}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% mastered`}
      >
        <span style={{ width: `${value}%` }} />
      </div>
      <span className="mastery-value">{value}%</span>
    </div>
  );
}
