/**
 * Ids and the references between records, as two tables: which lists need unique ids, and
 * which fields name a record of which list. `checkReferences` walks both once; a new list or
 * reference in the schema is one row here, not another loop in `checkIntegrity`.
 */
import type { ValidationIssue } from './issues';
import type { Dataset } from './schema';

/**
 * A path pattern into the dataset: `[]` stands for every element of a list, so
 * `studies[].arms[]` is each arm of each study and `dosing[].studyId` each regimen's study.
 */
type Pattern = string;

interface Located {
	value: unknown;
	/** The concrete path, e.g. `studies[2].arms[0]`. */
	path: string;
}

/** Every value the pattern reaches under `root`, in document order; absent fields are skipped. */
export function walkPattern(root: unknown, pattern: Pattern, rootPath = ''): Located[] {
	let found: Located[] = [{ value: root, path: rootPath }];
	for (const segment of pattern.split('.')) {
		const list = segment.endsWith('[]');
		const key = list ? segment.slice(0, -2) : segment;
		found = found.flatMap(({ value, path }) => {
			const child = (value as Record<string, unknown> | null | undefined)?.[key];
			const at = path ? `${path}.${key}` : key;
			if (!list) return child === undefined ? [] : [{ value: child, path: at }];
			if (!Array.isArray(child)) return [];
			return child.map((item, i) => ({ value: item, path: `${at}[${i}]` }));
		});
	}
	return found;
}

/**
 * Records whose ids must be unique. With `within`, unique inside each record it reaches (arms
 * of one study); the lists of one row share one id space (a sample size and a result are both
 * items a discrepancy can name).
 */
interface UniqueIds {
	within?: Pattern;
	records: Pattern[];
}

export const UNIQUE_IDS: readonly UniqueIds[] = [
	{ records: ['sources[]'] },
	{ records: ['indications[]'] },
	{ records: ['studies[]'] },
	{ records: ['facets[]'] },
	{ within: 'facets[]', records: ['values[]'] },
	{ records: ['medicines[]'] },
	{ records: ['treatments[]'] },
	{ within: 'studies[]', records: ['arms[]'] },
	{ within: 'studies[]', records: ['endpoints[]'] },
	{ records: ['studies[].sampleSizes[]', 'studies[].endpoints[].results[]'] },
	{ records: ['discrepancies[]'] },
	{ records: ['safety[]'] },
	{ within: 'safety[]', records: ['reactions[]'] },
	{ records: ['timeline[]'] },
	{ records: ['dosing[]'] }
];

/**
 * A field that names a record by id: `field` reaches the id (or each id of a list), `target`
 * the records it may name, and the message calls a missing one an unknown `noun`. With
 * `within`, both are read inside the same record (a result's arm is an arm of its own study).
 */
interface Reference {
	within?: Pattern;
	field: Pattern;
	target: Pattern[];
	noun: string;
}

/** Items a discrepancy can name: results, sample sizes and (two label versions) adverse reactions. */
export const ITEM_PATTERNS: Pattern[] = [
	'studies[].sampleSizes[]',
	'studies[].endpoints[].results[]',
	'safety[].reactions[]'
];

export const REFERENCES: readonly Reference[] = [
	{ field: 'evidenceMap.rows', target: ['facets[]'], noun: 'facet' },
	{ field: 'evidenceMap.columns[]', target: ['facets[]'], noun: 'facet' },
	{ field: 'medicines[].regulatorySourceId', target: ['sources[]'], noun: 'source' },
	{ field: 'treatments[].medicineIds[]', target: ['medicines[]'], noun: 'medicine' },
	{ field: 'studies[].arms[].treatmentId', target: ['treatments[]'], noun: 'treatment' },
	{ field: 'safety[].medicineId', target: ['medicines[]'], noun: 'medicine' },
	{ field: 'timeline[].medicineId', target: ['medicines[]'], noun: 'medicine' },
	{ field: 'dosing[].medicineId', target: ['medicines[]'], noun: 'medicine' },
	{ field: 'studies[].indicationIds[]', target: ['indications[]'], noun: 'indication' },
	{ field: 'studies[].sourceIds[]', target: ['sources[]'], noun: 'source' },
	{ within: 'studies[]', field: 'endpoints[].results[].armId', target: ['arms[]'], noun: 'arm' },
	{
		within: 'studies[]',
		field: 'endpoints[].results[].comparison.experimentalArmId',
		target: ['arms[]'],
		noun: 'arm'
	},
	{
		within: 'studies[]',
		field: 'endpoints[].results[].comparison.comparatorArmId',
		target: ['arms[]'],
		noun: 'arm'
	},
	{ field: 'discrepancies[].studyId', target: ['studies[]'], noun: 'study' },
	{ field: 'discrepancies[].itemIds[]', target: ITEM_PATTERNS, noun: 'result' },
	{ field: 'timeline[].indicationIds[]', target: ['indications[]'], noun: 'indication' },
	{ field: 'timeline[].studyId', target: ['studies[]'], noun: 'study' },
	{ field: 'dosing[].indicationIds[]', target: ['indications[]'], noun: 'indication' },
	{ field: 'dosing[].studyId', target: ['studies[]'], noun: 'study' }
];

/** The records a row reads: the whole dataset, or each record `within` reaches. */
const scopes = (dataset: Dataset, within: Pattern | undefined): Located[] =>
	within ? walkPattern(dataset, within) : [{ value: dataset, path: '' }];

const idOf = (record: unknown) => (record as { id?: unknown } | null)?.id;

function checkUniqueIds(dataset: Dataset, row: UniqueIds, issues: ValidationIssue[]) {
	for (const scope of scopes(dataset, row.within)) {
		const seen = new Set<unknown>();
		for (const pattern of row.records)
			for (const { value, path } of walkPattern(scope.value, pattern, scope.path)) {
				const id = idOf(value);
				if (seen.has(id))
					issues.push({ path: `${path}.id`, message: `duplicate id "${id}"`, kind: 'duplicate' });
				seen.add(id);
			}
	}
}

function checkReference(dataset: Dataset, row: Reference, issues: ValidationIssue[]) {
	for (const scope of scopes(dataset, row.within)) {
		const known = new Set(
			row.target.flatMap((pattern) => walkPattern(scope.value, pattern).map((r) => idOf(r.value)))
		);
		for (const { value, path } of walkPattern(scope.value, row.field, scope.path))
			if (!known.has(value))
				issues.push({ path, message: `unknown ${row.noun} "${value}"`, kind: 'reference' });
	}
}

/** Every duplicate id and every reference that names no record, in table order. */
export function checkReferences(dataset: Dataset, issues: ValidationIssue[]): void {
	for (const row of UNIQUE_IDS) checkUniqueIds(dataset, row, issues);
	for (const row of REFERENCES) checkReference(dataset, row, issues);
}
