import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layouts/app-layout';
import { ServerStatus } from '../features/health/components/server-status';
import { Loading } from '../components/ui/loading';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/** Each screen is its own chunk, loaded when first visited. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout footer={<ServerStatus />} />,
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
          { path: 'coach', lazy: () => import('./routes/coach').then((m) => ({ Component: m.CoachRoute })) },
          { path: 'login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  return <RouterProvider router={createBrowserRouter(routes)} />;
}
