import { NavLink, Outlet } from 'react-router';

export function AppLayout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          AgentCoach
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/login">Sign in</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
