/**
 * The code of each submission, kept in this browser when it is submitted: the history shows what
 * changed between two submissions (the server's submission view carries no code).
 */
const KEY = (submissionId: string) => `agentcoach.submission.${submissionId}`;

export function keepSubmittedCode(submissionId: string, code: string): void {
  try {
    localStorage.setItem(KEY(submissionId), code);
  } catch {
    // without storage the history shows results without diffs
  }
}

export function submittedCode(submissionId: string): string | null {
  try {
    return localStorage.getItem(KEY(submissionId));
  } catch {
    return null;
  }
}
