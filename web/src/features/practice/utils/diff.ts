/** One line of a line-by-line comparison of two texts. */
export type DiffLine =
  | { kind: 'same'; text: string; oldLine: number; newLine: number }
  | { kind: 'removed'; text: string; oldLine: number }
  | { kind: 'added'; text: string; newLine: number };

/** Above this many lines on each side (after the common start and end) the diff is given up. */
export const MAX_DIFF_LINES = 3000;

function linesOf(text: string): string[] {
  if (text === '') {
    return [];
  }
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/**
 * A line diff of {@code before} and {@code after} (longest common subsequence, so unchanged lines
 * stay paired), or null when the changed middle is too long to compare in the browser.
 */
export function diffLines(before: string, after: string): DiffLine[] | null {
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start += 1;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  if (n > MAX_DIFF_LINES || m > MAX_DIFF_LINES) {
    return null;
  }
  // lcs[i][j]: length of the common subsequence of a[start+i..endA) and b[start+j..endB)
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[start + i] === b[start + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const result: DiffLine[] = [];
  for (let k = 0; k < start; k += 1) {
    result.push({ kind: 'same', text: a[k], oldLine: k + 1, newLine: k + 1 });
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      result.push({ kind: 'same', text: a[start + i], oldLine: start + i + 1, newLine: start + j + 1 });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      result.push({ kind: 'added', text: b[start + j], newLine: start + j + 1 });
      j += 1;
    } else {
      result.push({ kind: 'removed', text: a[start + i], oldLine: start + i + 1 });
      i += 1;
    }
  }
  for (let k = 0; k < a.length - endA; k += 1) {
    result.push({ kind: 'same', text: a[endA + k], oldLine: endA + k + 1, newLine: endB + k + 1 });
  }
  return result;
}

/** Lines added and removed. */
export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
  };
}
