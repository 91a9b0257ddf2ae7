import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../../ui/full-page-loader.tsx';
import { CurrentUserContext } from '../hooks/current-user-context.ts';
import { useMe } from '../hooks/use-me.ts';
import { SessionError } from './session-error.tsx';

/** Renders its routes only for a signed-in person; everyone else goes to the login page. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();

  if (isPending) return <FullPageLoader />;
  if (error) return <SessionError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return (
    <CurrentUserContext value={me}>
      <Outlet />
    </CurrentUserContext>
  );
}
