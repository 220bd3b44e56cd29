import { describe, expect, it } from 'vitest';
import { DEFAULT_FOREST_OPTIONS } from './forest-rows';
import { parseForestOptions, writeForestOptions } from './forest-url';

describe('forest options in the URL', () => {
	it.each([
		['', DEFAULT_FOREST_OPTIONS],
		['sort=value&group=study', { sort: 'value', group: 'study', pool: [] }],
		['group=none&pool=alpha,beta', { sort: 'indication', group: 'none', pool: ['alpha', 'beta'] }],
		[
			'sort=bogus&group=<x>&pool=alpha,,Alpha!,alpha',
			{ ...DEFAULT_FOREST_OPTIONS, pool: ['alpha'] }
		]
	])('reads ?%s', (query, expected) => {
		expect(parseForestOptions(new URLSearchParams(query))).toEqual(expected);
	});

	it.each([
		[DEFAULT_FOREST_OPTIONS, 'other=1'],
		[
			{ sort: 'value', group: 'study', pool: ['a', 'b'] } as const,
			'other=1&sort=value&group=study&pool=a%2Cb'
		]
	])('writes %j, keeping other parameters', (options, query) => {
		const params = new URLSearchParams('other=1&sort=value');
		writeForestOptions(params, { ...options, pool: [...options.pool] });
		expect(params.toString()).toBe(query);
	});

	it('round-trips', () => {
		const options = { sort: 'value', group: 'none', pool: ['x', 'y'] } as const;
		const params = new URLSearchParams();
		writeForestOptions(params, { ...options, pool: [...options.pool] });
		expect(parseForestOptions(params)).toEqual(options);
	});
});
