import { authSession } from '../lib/auth/session';
import { authServer, learner, type FakeUser } from './mocks/auth-server';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../app/provider';
import { routes } from '../app/router';
import { createQueryClient } from '../lib/react-query';

/** Renders the whole app at {@code path}, with a fresh query cache and no retries. */
export function renderApp(path: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

/** Starts the test signed in as {@code user}, with tokens the fake authorization server issued. */
export function signInAs(user: FakeUser) {
  authSession.establish(authServer.tokensFor(user));
  return user;
}

/** Signs the test learner in (a session with tokens the fake authorization server issued). */
export function signIn() {
  return signInAs(learner());
}
