import { useCallback, useEffect, useState } from 'react';
import { carriesLaunchCredentials, parseRoute, routeHash, type Route } from './routes';

/** A hash router: every screen lives in this one page, so nothing ever navigates away. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHashChange = () => {
      // A new address from the host pasted into this tab changes only the fragment: load it, so
      // the new token is read (the host restarted and refuses the old one).
      if (carriesLaunchCredentials(window.location.hash)) window.location.reload();
      else setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
