/**
 * Paraglide's `getLocale()` works the locale out of the URL on every call (URL parsing and
 * pattern matching); every message calls it, hundreds of times while a page hydrates. The
 * locale only depends on the address (strategy: url, then the base locale), so in the
 * browser it is resolved once per address.
 */
export function memoiseByAddress<T>(resolve: () => T, address: () => string): () => T {
	let last: string | undefined;
	let value: T;
	return () => {
		const current = address();
		if (current !== last) {
			// Set after resolving: a nested call while resolving resolves too, as before.
			const resolved = resolve();
			last = current;
			value = resolved;
		}
		return value;
	};
}
