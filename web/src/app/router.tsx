import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layouts/app-layout';
import { AccountMenu } from '../features/auth/components/account-menu';
import { ServerStatus } from '../features/health/components/server-status';
import { Loading } from '../components/ui/loading';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** Each screen is its own chunk, loaded when first visited. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout footer={<ServerStatus />} account={<AccountMenu />} />,
    hydrateFallbackElement: <Loading label="Loading AgentCoach" />,
    errorElement: <RouteError />,
    children: [
      {
        // a screen that fails to load keeps the header and navigation around its error
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('./routes/catalogue').then((m) => ({ Component: m.CatalogueRoute })) },
          { path: 'lessons/:lessonId', lazy: () => import('./routes/lesson').then((m) => ({ Component: m.LessonRoute })) },
          {
            path: 'exercises/:exerciseId',
            lazy: () => import('./routes/exercise').then((m) => ({ Component: m.ExerciseRoute })),
          },
          { path: 'skills', lazy: () => import('./routes/skills').then((m) => ({ Component: m.SkillsRoute })) },
          { path: 'dashboard', lazy: () => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute })) },
          { path: 'placement', lazy: () => import('./routes/placement').then((m) => ({ Component: m.PlacementRoute })) },
          { path: 'search', lazy: () => import('./routes/search').then((m) => ({ Component: m.SearchRoute })) },
          // learning plans and code reviews (features/plans)
          { path: 'plans', lazy: () => import('./routes/plans').then((m) => ({ Component: m.PlansRoute })) },
          { path: 'plans/:id', lazy: () => import('./routes/plans').then((m) => ({ Component: m.PlanRoute })) },
          { path: 'reviews/:id', lazy: () => import('./routes/plans').then((m) => ({ Component: m.ReviewRoute })) },
          { path: 'coach', lazy: () => import('./routes/coach').then((m) => ({ Component: m.CoachRoute })) },
          { path: 'login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
          // sign-in, sign-up and the account (features/auth, features/api-keys)
          { path: 'signup', lazy: () => import('./routes/signup').then((m) => ({ Component: m.SignUpRoute })) },
          { path: 'auth/callback', lazy: () => import('./routes/auth-callback').then((m) => ({ Component: m.AuthCallbackRoute })) },
          {
            path: 'invitations/accept',
            lazy: () => import('./routes/accept-invitation').then((m) => ({ Component: m.AcceptInvitationRoute })),
          },
          {
            path: 'forgot-password',
            lazy: () => import('./routes/password-reset').then((m) => ({ Component: m.ForgotPasswordRoute })),
          },
          {
            path: 'reset-password',
            lazy: () => import('./routes/password-reset').then((m) => ({ Component: m.ResetPasswordRoute })),
          },
          { path: 'account/api-keys', lazy: () => import('./routes/account').then((m) => ({ Component: m.ApiKeysRoute })) },
          { path: 'account/security', lazy: () => import('./routes/account').then((m) => ({ Component: m.SecurityRoute })) },
          // organization admin (features/admin): one chunk for all its screens
          {
            path: 'admin',
            lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminLayout })),
            children: [
              { index: true, lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminMembersRoute })) },
              { path: 'progress', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminProgressRoute })) },
              { path: 'usage', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminUsageRoute })) },
              { path: 'audit', lazy: () => import('./routes/admin').then((m) => ({ Component: m.AdminAuditRoute })) },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  return <RouterProvider router={createBrowserRouter(routes)} />;
}
