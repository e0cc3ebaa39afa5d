import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from './router';

function renderAt(path: string) {
  return render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />);
}

describe('app shell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows readiness reported by the server on the start page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 'UP' }))));
    renderAt('/');
    expect(screen.getByRole('heading', { name: /learn to build agents/i })).toBeInTheDocument();
    expect(await screen.findByText('ready')).toBeInTheDocument();
  });

  it('reports the server as not ready when it cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('network down'); }));
    renderAt('/');
    expect(await screen.findByText('not ready')).toBeInTheDocument();
  });

  it('navigates to the labelled sign-in form', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    renderAt('/');
    await userEvent.click(screen.getByRole('link', { name: /sign in to start/i }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
  });

  it('shows a not-found page for unknown routes', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    renderAt('/no/such/page');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
