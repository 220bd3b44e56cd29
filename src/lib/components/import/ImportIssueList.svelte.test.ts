import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportIssue } from '$lib/evidence/dataset-import';
import ImportIssueList from './ImportIssueList.svelte';

const issues: ImportIssue[] = [
	{
		path: 'studies[1].arms[0].n',
		message: 'expected a positive integer, got -3',
		kind: 'value',
		line: 238,
		column: 16
	},
	{
		path: 'line 4',
		message: 'unknown record type "<b>x</b>"',
		kind: 'csv-structure',
		line: 4,
		column: 1,
		columnName: 'record'
	},
	{ path: '(file)', message: 'the file is 21.0 MB; the limit is 20 MB', kind: 'size' }
];

afterEach(cleanup);

describe('ImportIssueList', () => {
	it('lists each problem with its path, place, message and a hint for its kind', () => {
		const { getAllByTestId, container } = render(ImportIssueList, { issues });
		expect(getAllByTestId('issue-path').map((e) => e.textContent)).toEqual([
			'studies[1].arms[0].n',
			'line 4',
			'(file)'
		]);
		expect(getAllByTestId('issue-where').map((e) => e.textContent)).toEqual([
			'line 238, column 16',
			'line 4, column 1 (record)'
		]);
		const fixes = [...container.querySelectorAll('.fix')].map((e) => e.textContent);
		expect(fixes[0]).toContain('meets the rule stated');
		expect(fixes[1]).toContain('header of the exported CSV');
		expect(fixes[2]).toContain('over 20 MB');
	});

	it('shows imported text as text, never as markup', () => {
		const { getAllByTestId, container } = render(ImportIssueList, { issues });
		expect(getAllByTestId('issue-message')[1].textContent).toBe('unknown record type "<b>x</b>"');
		expect(container.querySelector('b')).toBeNull();
	});

	it('lists at most `limit` problems and says how many more there are', () => {
		const many = Array.from({ length: 7 }, (_, i) => ({ ...issues[0], path: `p${i}` }));
		const { getAllByTestId, getByText } = render(ImportIssueList, { issues: many, limit: 5 });
		expect(getAllByTestId('issue-path')).toHaveLength(5);
		expect(getByText(/2 more problems are not listed/)).toBeInTheDocument();
	});
});
