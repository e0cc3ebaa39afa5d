import type { TestResult, Verdict } from '../api/practice';
import { PlainMessage, TerminalOutput } from './terminal-output';

export function testSummary(tests: TestResult[]): string {
  const passed = tests.filter((t) => t.passed).length;
  return `${passed} of ${tests.length} ${tests.length === 1 ? 'test' : 'tests'} passed`;
}

/** Per-test results, in the order they arrived. */
export function TestList({ tests }: { tests: TestResult[] }) {
  if (tests.length === 0) {
    return null;
  }
  return (
    <ul className="test-list">
      {tests.map((test) => (
        <li key={`${test.suite ?? ''}/${test.name}`} className={test.passed ? 'passed' : 'failed'}>
          <span className="test-mark" aria-hidden="true">
            {test.passed ? '✓' : '✗'}
          </span>
          <span className="test-name">{test.name}</span>
          <span className="visually-hidden">{test.passed ? 'passed' : 'failed'}</span>
          {test.suite === 'hidden' && <span className="badge">hidden</span>}
          {!test.passed && <PlainMessage raw={test.message} />}
        </li>
      ))}
    </ul>
  );
}

/** Why a run did not finish, in the sandbox's words: the limit it hit, or the code's own error. */
export function stoppedReason(verdict: Verdict): string | null {
  if (verdict.limit) {
    return `Stopped by a limit: ${verdict.limit}.`;
  }
  if (verdict.status === 'error' && verdict.tests.length === 0) {
    return 'Your code stopped with an error before the tests could run.';
  }
  if (verdict.status === 'signal') {
    return 'Your code was ended by a signal before the tests finished.';
  }
  return null;
}

/** A finished run or submission: verdict, the limit when one was hit, tests and output. */
export function VerdictView({ verdict, title }: { verdict: Verdict; title: string }) {
  const reason = stoppedReason(verdict);
  return (
    <div className={`verdict ${verdict.passed ? 'passed' : 'failed'}`}>
      <p className="verdict-line">
        <strong>{title}:</strong> {verdict.passed ? 'every test passed.' : 'not yet.'} {testSummary(verdict.tests)}.
      </p>
      {reason && <p className="verdict-limit">{reason}</p>}
      <TestList tests={verdict.tests} />
      <TerminalOutput label="Output (stdout)" raw={verdict.stdout} />
      <TerminalOutput label="Errors (stderr)" raw={verdict.stderr} />
      {verdict.outputTruncated && <p className="muted small">The output was cut off at the sandbox's output limit.</p>}
    </div>
  );
}
