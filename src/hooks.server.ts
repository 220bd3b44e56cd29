import type { Handle } from '@sveltejs/kit';
import { urlWithoutBase } from '$lib/i18n/links';
import { paraglideMiddleware } from '$lib/paraglide/server';

export const handle: Handle = ({ event, resolve }) =>
	// Paraglide reads the locale from the first path segment: give it the address without the
	// base path (BASE_PATH). Routing itself is done by `reroute` (src/hooks.ts).
	paraglideMiddleware(
		event.request,
		({ locale }) =>
			resolve(event, {
				transformPageChunk: ({ html }) => html.replace('%lang%', locale)
			}),
		{ effectiveRequestUrl: urlWithoutBase(event.url) }
	);
