import { onMount } from 'svelte';
import { building } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';

const NONE = new URLSearchParams();

/**
 * The query of the current URL, for state a reader shares (filters, selections).
 *
 * Pages are prerendered without a query, and SvelteKit forbids reading it while building.
 * So the query is empty on the server and during hydration (the first client render then
 * matches the prerendered HTML), and is read once the page is mounted. Call during
 * component initialisation.
 */
export function useQuery(): { readonly params: URLSearchParams; readonly ready: boolean } {
	let mounted = $state(false);
	onMount(() => {
		mounted = true;
	});
	return {
		get params() {
			return mounted && !building ? page.url.searchParams : NONE;
		},
		get ready() {
			return mounted;
		}
	};
}

/**
 * Moves to the same page with another query, as a new history entry (back and forward walk
 * through the states), keeping focus and scroll position.
 */
export function navigateToQuery(query: string): Promise<void> {
	const target = `${page.url.pathname}${query}`;
	if (target === `${page.url.pathname}${page.url.search}`) return Promise.resolve();
	return goto(target, { replaceState: false, keepFocus: true, noScroll: true });
}

/** The current page with another query, for links; the bare path while prerendering. */
export function hrefWithQuery(query: string): string {
	return `${page.url.pathname}${query}`;
}
