import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { ErrorMessage } from '../ui/error-message';
import { Loading } from '../ui/loading';

type BoundaryProps = { fallback: (error: unknown, reset: () => void) => ReactNode; onReset: () => void; children: ReactNode };
type BoundaryState = { error: unknown; failed: boolean };

class SectionErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    if (import.meta.env.MODE === 'development') {
      console.error('Section failed', error, info.componentStack);
    }
  }

  reset = () => {
    this.props.onReset();
    this.setState({ error: null, failed: false });
  };

  render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

type Props = { loadingLabel: string; errorTitle?: string; children: ReactNode };

/**
 * One independently failing part of a page: shows a labelled loading state while its queries
 * suspend and, if they fail, the problem as a sentence with "Try again", leaving the rest of the
 * page working.
 */
export function AsyncSection({ loadingLabel, errorTitle, children }: Props) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <SectionErrorBoundary
          onReset={reset}
          fallback={(error, retry) => <ErrorMessage error={error} title={errorTitle} onRetry={retry} />}
        >
          <Suspense fallback={<Loading label={loadingLabel} />}>{children}</Suspense>
        </SectionErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
