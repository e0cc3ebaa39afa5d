import type { ReactNode } from 'react';
import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useOnline } from '../../hooks/use-online';
import { ThemeToggle } from '../ui/theme-toggle';

/** The frame of every screen: skip link, header with the main navigation and the account, main landmark, footer. */
export function AppLayout({ footer, account }: { footer?: ReactNode; account?: ReactNode }) {
  const online = useOnline();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            AC
          </span>
          <span className="brand-name">AgentCoach</span>
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/dashboard">Dashboard</NavLink>
          <NavLink to="/" end>
            Catalogue
          </NavLink>
          <NavLink to="/skills">Skills</NavLink>
          <NavLink to="/search">Search</NavLink>
          <NavLink to="/plans">Plans</NavLink>
          <NavLink to="/coach">Coach</NavLink>
        </nav>
        {account}
        <ThemeToggle />
      </header>
      {!online && (
        <p className="offline-banner" role="status">
          You are offline. Lessons you have read stay available; everything else needs a connection.
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {footer && <footer className="footer">{footer}</footer>}
      <ScrollRestoration />
    </div>
  );
}
