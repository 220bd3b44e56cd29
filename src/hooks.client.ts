import { base } from '$app/paths';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { memoiseByAddress } from '$lib/i18n/memo-locale';
import { localeOfUrl } from '$lib/i18n/links';
import { withRootDataFallback } from '$lib/static-fallback';

// The locale is a function of the address (without the base path): resolve it once per
// address, not once per message.
overwriteGetLocale(
	memoiseByAddress(
		() => localeOfUrl(new URL(window.location.href)),
		() => window.location.href
	)
);

// The fallback page (404.html, 200.html) was rendered once, in the base locale.
document.documentElement.lang = localeOfUrl(new URL(window.location.href));

// Addresses the build did not prerender (deep links into imported datasets) boot from the
// fallback page; their missing data file is answered with the root layout's (see the module).
window.fetch = withRootDataFallback(
	window.fetch.bind(window),
	window.location.origin,
	`${base}/__data.json`
);
