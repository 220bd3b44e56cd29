/**
 * Every internal link of the site goes through here, so that one policy holds everywhere:
 *
 * - the base path (`BASE_PATH=/some/path npm run build`, `paths.base`) comes first;
 * - then the locale prefix (`/nl`), which paraglide adds to the address without the base;
 * - every page address ends with a slash (`/nl/`, `/studies/x/`), because each page is
 *   prerendered as `…/index.html` (`trailingSlash: 'always'`), the one file layout every
 *   static host serves without configuration. Files (a dot in the last segment, such as
 *   `/data/x.json`) keep their name.
 *
 * Paraglide itself knows nothing of the base path: its default URL pattern takes the first
 * segment as the locale. The functions here strip the base before asking it and add it back.
 */
import { base } from '$app/paths';
import {
	baseLocale,
	deLocalizeHref as paraglideDeLocalizeHref,
	deLocalizeUrl as paraglideDeLocalizeUrl,
	extractLocaleFromUrl,
	localizeHref as paraglideLocalizeHref,
	type Locale
} from '$lib/paraglide/runtime';

/** `/base/nl/x/` → `/nl/x/`; a path outside the base is returned as it is. */
export function withoutBase(pathname: string, basePath: string = base): string {
	if (!basePath) return pathname;
	if (pathname === basePath) return '/';
	return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

/** The trailing-slash policy: `/x` → `/x/`, `/x?q#h` → `/x/?q#h`; `/`, `/x/` and `/x.json` stay. */
export function withPageSlash(path: string): string {
	const cut = path.search(/[?#]/);
	const pathname = cut === -1 ? path : path.slice(0, cut);
	const rest = cut === -1 ? '' : path.slice(cut);
	if (pathname.endsWith('/') || /\.[^/]*$/.test(pathname)) return path;
	return `${pathname}/${rest}`;
}

/**
 * The address of an app path (`/studies/x`, with or without the base and a locale prefix) in
 * a locale (the current one by default): base, locale prefix, trailing slash. Anything that is
 * not a site-absolute path (`https://…`, `#id`, `mailto:`) is returned unchanged.
 */
export function localizeHref(href: string, options?: { locale?: Locale }): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	return base + withPageSlash(paraglideLocalizeHref(withoutBase(href), options));
}

/** The app path of an address: no base, no locale prefix (`/base/nl/studies/x/` → `/studies/x/`). */
export function deLocalizeHref(href: string): string {
	if (!href.startsWith('/') || href.startsWith('//')) return paraglideDeLocalizeHref(href);
	return paraglideDeLocalizeHref(withoutBase(href));
}

function stripBase(url: URL): URL {
	const stripped = new URL(url);
	stripped.pathname = withoutBase(url.pathname);
	return stripped;
}

/** The locale an address is in (the base locale when it has no locale prefix). */
export function localeOfUrl(url: URL): Locale {
	return extractLocaleFromUrl(stripBase(url)) ?? baseLocale;
}

/** The address without its base path, as paraglide's middleware expects it. */
export function urlWithoutBase(url: URL): URL {
	return stripBase(url);
}

/** The route path of an address (for `reroute`): the locale prefix removed, the base kept. */
export function routePathname(url: URL): string {
	return base + paraglideDeLocalizeUrl(stripBase(url)).pathname;
}
