/**
 * State a reader shares (filters, selections, chart options) lives in the query of the URL.
 * This module is the one place that reads and writes it.
 *
 * Reading: pages are prerendered without a query, and SvelteKit forbids reading it while
 * building. So the query is empty on the server and during hydration (the first client
 * render then matches the prerendered HTML), and is read once the component is mounted.
 *
 * Writing: shallow routing (`pushState`/`replaceState` from `$app/navigation`). A change is
 * a new history entry (or replaces the current one), but not a navigation: no load function
 * runs, no navigation lifecycle, and only what depends on the changed parameter updates, in
 * the same frame (the history entry itself is written just after that frame). Back and
 * Forward walk through the entries: a `popstate` listener reads the URL again. SvelteKit's `page.url` keeps the URL the page was navigated to, so everything
 * that needs the query the reader sees (language switch, exports) reads it from here.
 */
import { onMount } from 'svelte';
import { browser, building } from '$app/environment';
import { afterNavigate, beforeNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { keepWhileSame } from './keep-identity';

const NONE = new URLSearchParams();

/** The address bar as last seen: after a shallow write, a popstate or a navigation. */
let href = $state(browser ? location.href : '');

function sync() {
	// While our own write waits for its frame, `href` is ahead of the address bar: keep it.
	if (browser && !pending && href !== location.href) href = location.href;
}

/**
 * A history write not made yet. Writing the history entry costs the browser a few ms (more on
 * a large page), so it is made just after the frame that shows the change: the reader sees
 * the update first, the address bar follows a frame later. Successive writes keep their order.
 */
let pending: { url: string; replace: boolean } | null = null;

function flushPending() {
	if (!pending) return;
	const { url, replace } = pending;
	pending = null;
	(replace ? replaceState : pushState)(url, page.state);
}

// One URLSearchParams per href, so readers that compare by identity see no change.
let parsedHref = '';
let parsedParams = NONE;
function liveParams(): URLSearchParams {
	const current = href;
	if (current !== parsedHref) {
		parsedHref = current;
		parsedParams = current ? new URL(current).searchParams : NONE;
	}
	return parsedParams;
}

let listeners = 0;

/** Back or Forward: the entry the reader went to wins over a write still waiting. */
function onPopState() {
	pending = null;
	sync();
}

/** Keeps `href` in step with the address bar while the calling component is mounted. */
function track(): void {
	afterNavigate(sync);
	// A navigation adds its own history entry: a waiting write goes first.
	beforeNavigate(flushPending);
	onMount(() => {
		sync();
		// One listener for all mounted readers, removed with the last of them.
		if (listeners++ === 0) addEventListener('popstate', onPopState);
		return () => {
			if (--listeners === 0) removeEventListener('popstate', onPopState);
		};
	});
}

export interface Query {
	/** The query; empty before the component is mounted. Same object until the query changes. */
	readonly params: URLSearchParams;
	/** False until mounted (hydrated): controls cannot act before. */
	readonly ready: boolean;
}

/** The query of the current URL, for state a reader shares. Call during component initialisation. */
export function useQuery(): Query {
	let mounted = $state(false);
	track();
	onMount(() => {
		mounted = true;
	});
	return {
		get params() {
			return mounted && !building ? liveParams() : NONE;
		},
		get ready() {
			return mounted;
		}
	};
}

/**
 * The query string ("?…" or "") the reader sees, for links that carry the view elsewhere
 * (language switch). Empty while building. Call `useLiveSearch` during initialisation.
 */
export function useLiveSearch(): () => string {
	track();
	return () => {
		if (building || !browser) return '';
		// The query as written in the address bar (commas stay readable).
		const current = (href || location.href).split('#')[0];
		const start = current.indexOf('?');
		return start < 0 || start === current.length - 1 ? '' : current.slice(start);
	};
}

/** The full URL the reader sees (for a citation of the view); `page.url` while building. */
export function liveHref(): string {
	return building || !browser || !href ? page.url.href : href;
}

/**
 * Shows the same page with another query, without a navigation: a new history entry (back
 * and forward walk through the states), or with `replace` the current entry replaced.
 * Focus and scroll position stay.
 */
export function navigateToQuery(query: string, { replace = false } = {}): void {
	if (!browser) return;
	// A throw-away copy to build the next address; nothing reacts to it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const target = new URL(href || location.href);
	target.search = query;
	target.hash = '';
	if (target.href === (href || location.href)) return;
	const url = `${target.pathname}${target.search}`;
	if (pending && pending.replace && replace) pending.url = url;
	else {
		flushPending();
		pending = { url, replace };
		requestAnimationFrame(() => setTimeout(flushPending, 0));
	}
	href = target.href;
}

/** The current page with another query, for links; the bare path while prerendering. */
export function hrefWithQuery(query: string): string {
	return `${page.url.pathname}${query}`;
}

/**
 * Click handler for a link to this page with another query (a filter chip, "compare"):
 * with JavaScript it becomes a shallow update instead of a navigation; a click that asks for
 * a new tab or window, and the link itself without JavaScript, behave as links do.
 */
export function followQueryLink(event: MouseEvent & { currentTarget: HTMLAnchorElement }): void {
	if (event.defaultPrevented || event.button !== 0) return;
	if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
	// Read once, to compare with this page; nothing reacts to it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const target = new URL(event.currentTarget.href, location.href);
	if (target.origin !== location.origin || target.pathname !== location.pathname) return;
	event.preventDefault();
	navigateToQuery(target.search);
}

export interface UrlOptions<T> {
	readonly current: T;
	set(value: T): void;
}

/**
 * Chart options that live in the URL: parsed from the query (defaults before mount,
 * identical to the prerendered HTML), written by replacing the current history entry
 * (an option change is not a step a reader walks back through). Call during initialisation.
 */
export function urlOptions<T>(
	parse: (params: URLSearchParams) => T,
	write: (params: URLSearchParams, value: T) => void
): UrlOptions<T> {
	const query = useQuery();
	const stable = keepWhileSame<T>((value) => JSON.stringify(value));
	const current = $derived(stable(parse(query.params)));
	return {
		get current() {
			return current;
		},
		set(value: T) {
			// A throw-away copy to build the next query; nothing reacts to it.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const params = new URLSearchParams(liveParams());
			write(params, value);
			const text = params.toString();
			navigateToQuery(text ? `?${text}` : '', { replace: true });
		}
	};
}
