import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** `/nl/studies/x` is served by the same route as `/studies/x`; the locale comes from the URL. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
