/**
 * Stand-in for SvelteKit's `$app/state` in the bench harness (a plain Vite page): the
 * export menu reads `page.url`; here it is the harness's own URL.
 */
export const page = {
	get url(): URL {
		return new URL(location.href);
	},
	state: {}
};
