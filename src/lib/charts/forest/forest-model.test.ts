import { describe, expect, it } from 'vitest';
import { fixtureDataset } from './fixtures';
import {
	FOREST_TICKS,
	forestActiveRow,
	forestCells,
	forestContent,
	forestFrame,
	forestLegend,
	forestMarkAttrs,
	forestRowsByColumn,
	forestTextColumns
} from './forest-model';
import { forestResults, type ForestOptions, type ForestResultRow } from './forest-rows';

const results = forestResults(fixtureDataset);
const options = (over: Partial<ForestOptions> = {}): ForestOptions => ({
	sort: 'indication',
	group: 'indication',
	pool: [],
	...over
});
const content = (over: Partial<ForestOptions> = {}) =>
	forestContent(fixtureDataset, results, options(over), 'response-forest');

describe('forestContent: what the forest draws', () => {
	it.each([
		{ pool: [], pooled: false, notes: 1 },
		{ pool: ['alpha'], pooled: false, notes: 1 },
		{ pool: ['alpha', 'beta'], pooled: true, notes: 2 }
	])('pooling $pool: pooled row $pooled, $notes footer notes', ({ pool, pooled, notes }) => {
		const c = content({ pool });
		expect(!!c.pooled).toBe(pooled);
		expect(c.notes).toHaveLength(notes);
		expect(c.legendItems.some((i) => i.key === 'pooled')).toBe(pooled);
	});

	it('names every source of a drawn figure once, and stamps the dataset', () => {
		const c = content();
		expect(c.spec.sources).toEqual([...new Set(c.resultRows.map((r) => r.sourceShort))]);
		expect(c.spec.datasetVersion).toBe(fixtureDataset.version);
		expect(c.spec.subtitle).toContain(String(results.length));
	});

	it.each([
		{ group: 'indication' as const, description: /indication/i },
		{ group: 'study' as const, description: /study/i },
		{ group: 'none' as const, description: /./ }
	])('describes its grouping ($group)', ({ group, description }) => {
		expect(content({ group }).spec.description).toMatch(description);
	});

	it('stripes every other figure row', () => {
		const c = content();
		expect(c.stripes).toEqual(c.resultRows.filter((_, i) => i % 2 === 1));
		expect(c.compact).toBe(false);
	});
});

describe('forestLegend', () => {
	const row = (armRole: ForestResultRow['armRole'], over: Partial<ForestResultRow> = {}) =>
		({ ...results[0], armRole, ci: undefined, discrepancies: [], ...over }) as ForestResultRow;
	it.each([
		{ rows: [row('experimental')], keys: ['experimental', 'printed'] },
		{
			rows: [row('experimental'), row('comparator')],
			keys: ['experimental', 'comparator', 'printed']
		},
		{
			rows: [row('historical-control', { discrepancies: ['differs'] })],
			keys: ['historical-control', 'printed', 'flag']
		}
	])('keys $keys', ({ rows, keys }) => {
		expect(forestLegend(rows, false).map((i) => i.key)).toEqual(keys);
	});
});

describe('forestFrame and forestTextColumns: where things go', () => {
	const c = content({ pool: ['alpha', 'beta'] });
	it.each([
		{
			width: 400,
			mode: 'narrow',
			keys: ['group', 'study', 'endpoint', 'estimate', 'pooled-label', 'pooled-estimate']
		},
		{
			width: 800,
			mode: 'medium',
			keys: ['group', 'study', 'endpoint', 'estimate', 'note', 'pooled-label', 'pooled-estimate']
		},
		{
			width: 1200,
			mode: 'wide',
			keys: [
				'group',
				'study',
				'endpoint',
				'counts',
				'estimate',
				'note',
				'source',
				'pooled-label',
				'pooled-estimate'
			]
		}
	])('$width px: $mode, columns $keys', ({ width, mode, keys }) => {
		const frame = forestFrame(c, width, 13, 'en');
		expect(frame.layout.mode).toBe(mode);
		expect(frame.plotHeight).toBe(c.rows.length * frame.layout.rowHeight);
		expect(frame.height).toBe(frame.padding.top + frame.plotHeight + frame.padding.bottom);
		const columns = forestTextColumns({
			frame,
			width,
			fontSize: 13,
			locale: 'en',
			cells: forestCells('en', frame.layout.mode),
			pooled: true
		});
		expect(columns.map((col) => col.key)).toEqual(keys);
		// Right-hand columns sit right of the plot.
		for (const col of columns.filter((x) => ['counts', 'note', 'source'].includes(x.key)))
			expect(col.x).toBeGreaterThan(frame.layout.plotWidth);
	});

	it('stacks study over endpoint on phones, in one band', () => {
		const frame = forestFrame(c, 400, 13, 'en');
		const columns = forestTextColumns({
			frame,
			width: 400,
			fontSize: 13,
			locale: 'en',
			cells: forestCells('en', 'narrow'),
			pooled: false
		});
		const [study, endpoint] = columns.filter((x) => x.rows === 'results');
		expect([study.key, endpoint.key]).toEqual(['study', 'endpoint']);
		expect(study.dy).toBeLessThan(0);
		expect(endpoint.dy).toBeGreaterThan(0);
	});

	it('the axis runs 0–100 %', () => expect(FOREST_TICKS).toEqual([0, 25, 50, 75, 100]));
});

describe('rows, cells and marks', () => {
	const c = content({ pool: ['alpha', 'beta'] });
	it('a group heading has no tooltip; a figure and the pooled row do', () => {
		const group = c.rows.find((r) => r.kind === 'group')!;
		expect(forestActiveRow(c.rows, group.key)).toBeUndefined();
		expect(forestActiveRow(c.rows, c.resultRows[0].key)).toBe(c.resultRows[0]);
		expect(forestActiveRow(c.rows, c.pooled!.key)).toBe(c.pooled);
		expect(forestActiveRow(c.rows, null)).toBeUndefined();
	});

	it('sorts rows to the columns that write them', () => {
		const by = forestRowsByColumn(c.rows, c.pooled);
		expect(by.results).toHaveLength(c.resultRows.length);
		expect(by.groups.every((r) => r.kind === 'group')).toBe(true);
		expect(by.pooled).toEqual([c.pooled]);
	});

	it('builds a row’s cells once per maker, with counts as x/n', () => {
		const cells = forestCells('en', 'wide');
		const row = c.resultRows.find((r) => r.events !== undefined && r.total !== undefined)!;
		expect(cells(row)).toBe(cells(row));
		expect(cells(row).counts).toBe(`${row.events}/${row.total}`);
		expect(cells(row).label).toContain(row.studyName);
	});

	it('marks carry the figure and its interval', () => {
		const row = c.resultRows[0];
		expect(forestMarkAttrs(row)).toMatchObject({
			'data-result-id': row.resultId,
			'data-value': row.value,
			'data-ci-origin': row.ci?.origin ?? 'none'
		});
	});
});
