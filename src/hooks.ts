import type { Reroute } from '@sveltejs/kit';
import { routePathname } from '$lib/i18n/links';

/** `/nl/studies/x/` is served by the same route as `/studies/x/`; the locale comes from the URL. */
export const reroute: Reroute = (request) => routePathname(request.url);
