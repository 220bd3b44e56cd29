/**
 * The forest plot's options in the URL (?sort=value&group=study&pool=a,b), so a
 * reader can share the view. Unknown values fall back to the defaults; other query
 * parameters (other charts, filters) are left alone.
 */
import {
	DEFAULT_FOREST_OPTIONS,
	FOREST_GROUPS,
	FOREST_SORTS,
	type ForestGroup,
	type ForestOptions,
	type ForestSort
} from './forest-options';

export function parseForestOptions(params: URLSearchParams): ForestOptions {
	const sort = params.get('sort');
	const group = params.get('group');
	const pool = (params.get('pool') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => /^[a-z0-9][a-z0-9-]*$/.test(s));
	return {
		sort: FOREST_SORTS.includes(sort as ForestSort)
			? (sort as ForestSort)
			: DEFAULT_FOREST_OPTIONS.sort,
		group: FOREST_GROUPS.includes(group as ForestGroup)
			? (group as ForestGroup)
			: DEFAULT_FOREST_OPTIONS.group,
		pool: [...new Set(pool)]
	};
}

/** Writes the options into `params`, leaving defaults out so plain URLs stay plain. */
export function writeForestOptions(params: URLSearchParams, options: ForestOptions): void {
	const set = (key: string, value: string, fallback: string) =>
		value === fallback ? params.delete(key) : params.set(key, value);
	set('sort', options.sort, DEFAULT_FOREST_OPTIONS.sort);
	set('group', options.group, DEFAULT_FOREST_OPTIONS.group);
	set('pool', options.pool.join(','), '');
}
