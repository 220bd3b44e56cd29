/**
 * A function that gives back its previous result while the new one has the same key: values
 * parsed from the URL keep their identity when another parameter changes, so nothing that
 * depends on them recomputes. One instance per value it stands for.
 */
export function keepWhileSame<T>(key: (value: T) => string): (value: T) => T {
	let last: T | undefined;
	let lastKey: string | undefined;
	return (value) => {
		const k = key(value);
		if (k === lastKey) return last as T;
		last = value;
		lastKey = k;
		return value;
	};
}
