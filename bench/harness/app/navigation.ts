/**
 * Stand-in for SvelteKit's `$app/navigation` in the bench harness (a plain Vite page): the
 * shared URL state writes history entries and listens for navigations; here there are none.
 */
export function pushState(url: string | URL, state: unknown): void {
	history.pushState(state, '', url);
}

export function replaceState(url: string | URL, state: unknown): void {
	history.replaceState(state, '', url);
}

export function afterNavigate(): void {}

export function beforeNavigate(): void {}

export async function goto(url: string | URL): Promise<void> {
	location.assign(url);
}
