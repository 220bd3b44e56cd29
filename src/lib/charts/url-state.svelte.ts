/**
 * Chart options that live in the URL. Prerendered pages have no query string at
 * build time, so the options are read only once the page runs in the browser
 * (defaults before that, identical to the prerendered HTML).
 */
import { onMount } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';

// Read-only stand-in for the query string before the page runs in the browser.
const NO_PARAMS = new URLSearchParams();

export interface UrlOptions<T> {
	readonly current: T;
	set(value: T): void;
}

/** Call during component initialisation. */
export function urlOptions<T>(
	parse: (params: URLSearchParams) => T,
	write: (params: URLSearchParams, value: T) => void
): UrlOptions<T> {
	let mounted = $state(false);
	onMount(() => {
		mounted = true;
	});
	const current = $derived(parse(mounted ? page.url.searchParams : NO_PARAMS));
	return {
		get current() {
			return current;
		},
		set(value: T) {
			// A throw-away copy to build the next URL; nothing reacts to it.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const url = new URL(page.url);
			write(url.searchParams, value);
			goto(url, { replaceState: true, keepFocus: true, noScroll: true });
		}
	};
}
