/**
 * Every issue carries the kind its check gave it (the import page picks its hint by kind). Each
 * kind is produced here by a real file broken in one place, through the same import the page
 * uses, and no issue of any of these files lacks a kind.
 */
import { describe, expect, it } from 'vitest';
import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import {
	MAX_IMPORT_BYTES,
	decodeImportBytes,
	importDataset,
	type ImportIssue
} from '$lib/evidence/dataset-import';
import { ISSUE_KINDS, type IssueKind } from '$lib/evidence/issues';
import { validateDataset } from '$lib/evidence/validate';
import type { DatasetInput } from '$lib/evidence/schema';
import synthetic from '../fixtures/synthetic-dataset.json';

type Input = DatasetInput & Record<string, unknown>;

/** A version-2 copy of the synthetic example (the version-1 fixture, migrated on read). */
function migrated(): Input {
	const outcome = validateDataset(structuredClone(synthetic));
	if (!outcome.ok) throw new Error('fixture invalid');
	return structuredClone(outcome.dataset) as unknown as Input;
}

function importedJson(breakIt: (d: Input) => void): ImportIssue[] {
	const d = migrated();
	breakIt(d);
	return issuesOf(importDataset(JSON.stringify(d, null, 2), { fileName: 'broken.json' }));
}

function issuesOf(outcome: ReturnType<typeof importDataset>): ImportIssue[] {
	if (outcome.ok) throw new Error('expected the import to fail');
	return outcome.issues;
}

const result = (d: Input) => d.studies[1].endpoints[0].results[0];

/** One case per kind: a file broken in one place, and the issue it must give. */
const cases: [IssueKind, () => ImportIssue[], Partial<ImportIssue>][] = [
	['syntax', () => issuesOf(importDataset('{"version": ', { fileName: 'a.json' })), {}],
	[
		'size',
		() => issuesOf(importDataset('{}', { fileName: 'a.json', bytes: MAX_IMPORT_BYTES + 1 })),
		{ path: '(file)' }
	],
	[
		'encoding',
		() => {
			const decoded = decodeImportBytes(new Uint8Array([0x7b, 0xff, 0x7d]));
			return decoded.ok ? [] : [decoded.issue];
		},
		{ message: 'the file is not UTF-8 text' }
	],
	[
		'forbidden-key',
		() =>
			issuesOf(
				importDataset(JSON.stringify(migrated()).replace('{', '{"__proto__": {},'), {
					fileName: 'a.json'
				})
			),
		{ path: '__proto__' }
	],
	[
		'missing',
		() => importedJson((d) => delete (d as Partial<Input>).title),
		{ path: 'title', message: 'required field is missing' }
	],
	[
		'unknown-field',
		() => importedJson((d) => (d.colour = 'blue')),
		{ path: 'colour', message: 'unknown field "colour"' }
	],
	[
		'type',
		() => importedJson((d) => ((d as { studies: unknown }).studies = {})),
		{ path: 'studies', message: 'expected a list, got Object' }
	],
	[
		'value',
		() => importedJson((d) => (d.studies[1].arms[0].n = -3)),
		{ path: 'studies[1].arms[0].n', message: 'expected a positive integer, got -3' }
	],
	[
		'reference',
		() => importedJson((d) => (result(d).armId = 'no-such-arm')),
		{ path: 'studies[1].endpoints[0].results[0].armId', message: 'unknown arm "no-such-arm"' }
	],
	[
		'duplicate',
		() => importedJson((d) => (d.studies[1].id = d.studies[0].id)),
		{ path: 'studies[1].id' }
	],
	[
		'arithmetic',
		() => importedJson((d) => (result(d).events = 290)),
		{ message: 'events (290) exceed the total (200)' }
	],
	[
		'interval',
		() => importedJson((d) => (result(d).ci = { ...result(d).ci!, low: 60, high: 52.2 })),
		{ message: 'CI low (60) is above high (52.2)' }
	],
	[
		'derivation',
		() => importedJson((d) => delete d.studies[1].sampleSizes![0].derivation),
		{ path: 'studies[1].sampleSizes[0].derivation' }
	],
	[
		'provenance',
		() =>
			importedJson((d) => {
				const source = d.sources.find((s) => s.id === result(d).provenance.sourceId)!;
				source.file = 'registry.md';
			}),
		{ path: 'studies[1].endpoints[0].results[0].provenance.quote' }
	],
	[
		'unsafe-url',
		() => importedJson((d) => (d.sources[0].url = 'javascript:alert(1)')),
		{ path: 'sources[0].url' }
	],
	[
		'csv-structure',
		() => {
			const csv = exportDatasetCsv(migrated() as never).replace('record,', 'record,colour,');
			return issuesOf(importDataset(csv, { fileName: 'a.csv' }));
		},
		{ message: 'unknown column "colour"' }
	]
];

describe('each kind of issue, from a file broken in one place', () => {
	it.each(cases)('%s', (kind, breakIt, expected) => {
		expect(breakIt()).toContainEqual(expect.objectContaining({ ...expected, kind }));
	});

	it('covers every kind', () => {
		expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(ISSUE_KINDS));
	});

	it('gives every issue of every broken file a known kind', () => {
		const issues = cases.flatMap(([, breakIt]) => breakIt());
		expect(issues.length).toBeGreaterThan(cases.length - 1);
		for (const issue of issues) expect(ISSUE_KINDS, issue.message).toContain(issue.kind);
	});
});
