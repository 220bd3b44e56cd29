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

/**
 * Lists too long to open in full (an imported dataset with thousands of studies) are paged
 * instead: `?page=<list id>:<page>,<list id>:<page>` (pages from 1; page 1 is left out), so
 * a shared link opens the same page and the page never holds more than one page of items.
 */
export const PAGE_PARAM = 'page';

/** The page asked for per list id; malformed entries and page 1 are left out. */
export function parsePages(params: URLSearchParams, param = PAGE_PARAM): Map<string, number> {
	const out = new Map<string, number>();
	for (const raw of params.getAll(param).flatMap((v) => v.split(','))) {
		const at = raw.lastIndexOf(':');
		if (at <= 0) continue;
		const id = raw.slice(0, at).trim();
		const page = Number(raw.slice(at + 1));
		if (id && Number.isInteger(page) && page > 1 && !out.has(id)) out.set(id, page);
	}
	return out;
}

/** The query with one list on another page, other parameters kept ("" when none is left). */
export function pageQuery(
	pages: ReadonlyMap<string, number>,
	id: string,
	page: number,
	params = new URLSearchParams(),
	param = PAGE_PARAM
): string {
	const next = new Map(pages);
	next.delete(id);
	if (page > 1) next.set(id, page);
	const out = new URLSearchParams(params);
	out.delete(param);
	if (next.size) out.set(param, [...next].map(([list, n]) => `${list}:${n}`).join(','));
	const text = out.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
	return text ? `?${text}` : '';
}

export interface Page<T> {
	/** The items on this page. */
	items: readonly T[];
	/** This page, from 1, clamped to the pages there are. */
	page: number;
	pageCount: number;
	/** Position of the first and last item shown, from 1 (0 and 0 for an empty list). */
	first: number;
	last: number;
	total: number;
}

/**
 * One page of a list: `size` items from page `page` (from 1). A page past the end shows the
 * last page (a filter may have shortened the list since the link was made). A list that
 * fits on one page comes back as the same array, so keyed views see no change.
 */
export function pageOf<T>(items: readonly T[], size: number, page: number): Page<T> {
	const pageCount = Math.max(1, Math.ceil(items.length / size));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
	const start = (current - 1) * size;
	const shown = items.length <= size ? items : items.slice(start, start + size);
	return {
		items: shown,
		page: current,
		pageCount,
		first: shown.length ? start + 1 : 0,
		last: start + shown.length,
		total: items.length
	};
}
