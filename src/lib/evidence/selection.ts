/**
 * The studies a reader compares, as they live in the URL: `?studies=tower,e1910`.
 * Order is the reader's order; duplicates and unknown ids are dropped; at most four.
 */

export const COMPARE_PARAM = 'studies';
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/**
 * Study ids from a query, in order, deduplicated, limited to `known` ids when given, and to
 * COMPARE_MAX. Accepts `?studies=a,b` and repeated `?studies=a&studies=b` (a plain GET form).
 */
export function parseSelection(
	params: URLSearchParams,
	known?: Iterable<string>,
	param = COMPARE_PARAM
): string[] {
	const allowed = known ? new Set(known) : undefined;
	const out: string[] = [];
	for (const raw of params.getAll(param).flatMap((v) => v.split(','))) {
		const id = raw.trim();
		if (!id || out.includes(id) || (allowed && !allowed.has(id))) continue;
		out.push(id);
		if (out.length === COMPARE_MAX) break;
	}
	return out;
}

/** Writes a selection into a copy of `params`, other parameters kept. */
export function writeSelection(
	ids: readonly string[],
	params = new URLSearchParams(),
	param = COMPARE_PARAM
): URLSearchParams {
	const out = new URLSearchParams(params);
	out.delete(param);
	if (ids.length) out.set(param, ids.slice(0, COMPARE_MAX).join(','));
	return out;
}

/** `?studies=a,b` with readable commas, or "" for none. */
export function selectionQuery(
	ids: readonly string[],
	params?: URLSearchParams,
	param = COMPARE_PARAM
): string {
	const text = writeSelection(ids, params, param).toString().replace(/%2C/gi, ',');
	return text ? `?${text}` : '';
}

/** The selection with a study added at the end; unchanged when it is in or the selection is full. */
export function addStudy(ids: readonly string[], id: string): string[] {
	if (ids.includes(id) || ids.length >= COMPARE_MAX) return [...ids];
	return [...ids, id];
}

export function removeStudy(ids: readonly string[], id: string): string[] {
	return ids.filter((i) => i !== id);
}

export function toggleStudy(ids: readonly string[], id: string): string[] {
	return ids.includes(id) ? removeStudy(ids, id) : addStudy(ids, id);
}

/**
 * Long lists on the overview (the study cards of an indication, the charts of randomised
 * studies) show their first items; the reader can open a list in full. Which lists are open
 * lives in the URL, `?all=<list id>,<list id>`, so a shared link shows the same view.
 */
export const EXPAND_PARAM = 'all';

/** Ids of the lists opened in full, deduplicated, in the order given. */
export function parseExpanded(params: URLSearchParams, param = EXPAND_PARAM): string[] {
	const out: string[] = [];
	for (const raw of params.getAll(param).flatMap((v) => v.split(','))) {
		const id = raw.trim();
		if (id && !out.includes(id)) out.push(id);
	}
	return out;
}

/** The query with one list opened or closed, other parameters kept ("" when none is left). */
export function expandedQuery(
	expanded: readonly string[],
	id: string,
	open: boolean,
	params = new URLSearchParams(),
	param = EXPAND_PARAM
): string {
	const next = open ? [...expanded.filter((e) => e !== id), id] : expanded.filter((e) => e !== id);
	const out = new URLSearchParams(params);
	out.delete(param);
	if (next.length) out.set(param, next.join(','));
	const text = out.toString().replace(/%2C/gi, ',');
	return text ? `?${text}` : '';
}

/** The items a list shows: all when open or short, else the first `limit`. Same array when all. */
export function visibleItems<T>(items: readonly T[], limit: number, open: boolean): readonly T[] {
	return open || items.length <= limit ? items : items.slice(0, limit);
}
