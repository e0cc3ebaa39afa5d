import { diffLines, diffStats, MAX_DIFF_LINES } from './diff';

describe('line diff', () => {
  it('pairs unchanged lines and marks what was removed and added, with line numbers', () => {
    const before = 'def fit(m, b):\n    total = 0\n    return m\n';
    const after = 'def fit(m, b):\n    total = sum(m)\n    keep = []\n    return m\n';
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: 'def fit(m, b):', oldLine: 1, newLine: 1 },
      { kind: 'added', text: '    total = sum(m)', newLine: 2 },
      { kind: 'added', text: '    keep = []', newLine: 3 },
      { kind: 'removed', text: '    total = 0', oldLine: 2 },
      { kind: 'same', text: '    return m', oldLine: 3, newLine: 4 },
    ]);
  });

  it('keeps the longest common run of lines when lines move', () => {
    const lines = diffLines('a\nb\nc\nd', 'b\nc\nd\na')!;
    expect(lines.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['b', 'c', 'd']);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('reports identical texts as unchanged and handles empty sides', () => {
    expect(diffStats(diffLines('x\ny\n', 'x\ny')!)).toEqual({ added: 0, removed: 0 });
    expect(diffLines('', 'a\nb')).toEqual([
      { kind: 'added', text: 'a', newLine: 1 },
      { kind: 'added', text: 'b', newLine: 2 },
    ]);
    expect(diffLines('a', '')).toEqual([{ kind: 'removed', text: 'a', oldLine: 1 }]);
  });

  it('gives up on changes too long to compare in the browser', () => {
    const many = (prefix: string) => Array.from({ length: MAX_DIFF_LINES + 1 }, (_, i) => `${prefix}${i}`).join('\n');
    expect(diffLines(many('a'), many('b'))).toBeNull();
  });
});
