/** The forest plot's options: sort, grouping and the studies pooled (exploratory). */
export const FOREST_SORTS = ['indication', 'value'] as const;
export const FOREST_GROUPS = ['indication', 'study', 'none'] as const;
export type ForestSort = (typeof FOREST_SORTS)[number];
export type ForestGroup = (typeof FOREST_GROUPS)[number];

export interface ForestOptions {
	sort: ForestSort;
	group: ForestGroup;
	/** Ids of the studies whose figures to pool; none: no pooled row. */
	pool: string[];
}

export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
	sort: 'indication',
	group: 'indication',
	pool: []
};
