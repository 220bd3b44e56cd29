/**
 * Validation of a dataset: the schema first, then the meaning (references resolve,
 * counts add up, intervals contain their estimates, quotes occur in their sources).
 * Every problem is reported with its path; nothing is dropped or repaired silently.
 */
import * as v from 'valibot';
import {
	checkFacets,
	checkInterval,
	checkOpenValue,
	checkSurvivalData,
	checkTreatments
} from './integrity-model';
import { checkIndirectComparisons } from './indirect';
import { migrateDataset, type Migration } from './migrate';
import { DatasetSchema, type Dataset, type Provenance, type Result, type Study } from './schema';

export interface ValidationIssue {
	/** Dotted path with indices, e.g. `studies[2].arms[0].n`. */
	path: string;
	message: string;
}

export type ValidationOutcome =
	| { ok: true; dataset: Dataset; issues: []; migration?: Migration }
	| { ok: false; issues: ValidationIssue[]; migration?: Migration };

/** Texts of stored sources by source id, for checking quotes verbatim. */
export type SourceTexts = Record<string, string>;

/**
 * `['studies', 2, 'arms', 0, 'n']` → `studies[2].arms[0].n`. A key that would not read as one
 * name (empty, or with dots, brackets, quotes or spaces) is written in brackets: `a[""]`.
 */
export function formatPath(path: readonly (string | number)[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (!/^[^.[\]\s"]+$/.test(key)) out += `[${JSON.stringify(key.slice(0, 60))}]`;
		else out += out ? `.${key}` : key;
	}
	return out || '(root)';
}

const issuePath = (path: v.IssuePathItem[] | undefined) =>
	formatPath((path ?? []).map((item) => item.key as string | number));

/** Keys that could reach an object's prototype; never valid anywhere in a dataset. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);

/**
 * Every `__proto__`, `constructor` or `prototype` key anywhere in a parsed value, with its path.
 * Iterative, so a deeply nested file cannot overflow the stack; cycles are visited once.
 */
export function findForbiddenKeys(input: unknown): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const seen = new Set<object>();
	const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
	while (stack.length) {
		const { value, path } = stack.pop()!;
		if (value === null || typeof value !== 'object' || seen.has(value)) continue;
		seen.add(value);
		if (Array.isArray(value)) {
			for (let i = value.length - 1; i >= 0; i--)
				stack.push({ value: value[i], path: [...path, i] });
			continue;
		}
		const keys = Object.keys(value);
		for (let k = keys.length - 1; k >= 0; k--) {
			const key = keys[k];
			if (FORBIDDEN_KEYS.has(key))
				issues.push({ path: formatPath([...path, key]), message: `forbidden key "${key}"` });
			else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
		}
	}
	return issues;
}

/** A received value as valibot describes it, cut short so a huge string cannot flood the list. */
function received(issue: v.BaseIssue<unknown>): string {
	const text = issue.received;
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** "("a" | "b")" → "one of "a", "b""; "Object" → "an object". */
function describeExpected(expected: string): string {
	if (expected === 'Object') return 'an object';
	if (expected === 'Array') return 'a list';
	if (expected === 'string' || expected === 'boolean' || expected === 'number')
		return `a ${expected}`;
	const options = expected.replace(/^\((.*)\)$/, '$1').split(' | ');
	return options.length > 1 ? `one of ${options.join(', ')}` : expected;
}

const BOUND_WORDS: Record<string, string> = {
	min_value: 'a number ≥',
	max_value: 'a number ≤',
	gt_value: 'a number >',
	lt_value: 'a number <'
};

/** One valibot issue as a sentence: what was expected, what was found. */
function describeShapeIssue(issue: v.BaseIssue<unknown>): string {
	const got = received(issue);
	if (issue.type === 'strict_object' && issue.received === 'undefined')
		return 'required field is missing';
	if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown field ${got}`;
	if (issue.kind === 'schema')
		return `expected ${describeExpected(issue.expected ?? '')}, got ${got}`;
	if (issue.type === 'min_length') {
		const items = Array.isArray(issue.input) ? issue.input.length : undefined;
		const least = (issue.expected ?? '').replace('>=', '');
		const rule = issue.message.startsWith('Invalid ')
			? `expected at least ${least} item${least === '1' ? '' : 's'}`
			: issue.message;
		return items === undefined ? rule : `${rule}, got ${items} item${items === 1 ? '' : 's'}`;
	}
	// Our own messages ("must be a positive integer") read as "expected a positive integer, got -3".
	if (!issue.message.startsWith('Invalid ')) {
		const rule = issue.message.replace(/^must be /, 'expected ');
		return `${rule}, got ${got}`;
	}
	const bound = BOUND_WORDS[issue.type];
	if (bound)
		return `expected ${bound} ${(issue.expected ?? '').replace(/^[<>]=?/, '')}, got ${got}`;
	return `expected ${issue.expected ?? 'a valid value'}, got ${got}`;
}

/**
 * Checks shape and types; returns the issues with their paths. An older file is migrated
 * first (see migrate.ts), and the outcome says so; its paths are those of the migrated form.
 */
export function validateShape(raw: unknown): ValidationOutcome {
	const forbidden = findForbiddenKeys(raw);
	const { value: input, migration } = forbidden.length ? { value: raw } : migrateDataset(raw);
	const parsed = v.safeParse(DatasetSchema, input);
	if (parsed.success && !forbidden.length)
		return { ok: true, dataset: parsed.output, issues: [], ...(migration ? { migration } : {}) };
	const reported = new Set(forbidden.map((i) => i.path));
	const shapeIssues = parsed.success
		? []
		: parsed.issues
				.map((issue) => ({ path: issuePath(issue.path), message: describeShapeIssue(issue) }))
				.filter((issue) => !reported.has(issue.path));
	return { ok: false, issues: [...forbidden, ...shapeIssues], ...(migration ? { migration } : {}) };
}

/** Tolerance, in percentage points, for a printed percentage against events/total. */
export const PERCENT_ROUNDING_TOLERANCE = 0.5;

/** Normalises whitespace so a quote that spans a line break in the stored text still matches. */
export function normaliseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function checkProvenance(
	prov: Provenance,
	path: string,
	dataset: Dataset,
	texts: SourceTexts | undefined,
	issues: ValidationIssue[],
	printed?: string
) {
	const source = dataset.sources.find((s) => s.id === prov.sourceId);
	if (!source) {
		issues.push({ path: `${path}.sourceId`, message: `unknown source "${prov.sourceId}"` });
		return;
	}
	if (!source.file) return;
	if (!prov.quote) {
		issues.push({
			path: `${path}.quote`,
			message: `source "${source.id}" is stored verbatim, so a quote from it is required`
		});
		return;
	}
	const text = texts?.[source.id];
	if (texts && text === undefined) {
		issues.push({ path: `${path}.sourceId`, message: `no stored text for source "${source.id}"` });
	} else if (
		text !== undefined &&
		!normaliseWhitespace(text).includes(normaliseWhitespace(prov.quote))
	) {
		issues.push({
			path: `${path}.quote`,
			message: `quote does not occur verbatim in the stored text of "${source.id}"`
		});
	}
	if (printed && !normaliseWhitespace(prov.quote).includes(normaliseWhitespace(printed))) {
		issues.push({
			path: `${path}.quote`,
			message: `quote does not contain the figure as printed ("${printed}")`
		});
	}
}

function checkResult(
	result: Result,
	path: string,
	study: Study,
	explained: Set<string>,
	dataset: Dataset,
	texts: SourceTexts | undefined,
	issues: ValidationIssue[]
) {
	const { events, total, value, ci, unit } = result;
	const armIds = new Set(study.arms.map((a) => a.id));
	if (result.armId && !armIds.has(result.armId))
		issues.push({ path: `${path}.armId`, message: `unknown arm "${result.armId}"` });
	if (result.comparison) {
		for (const key of ['experimentalArmId', 'comparatorArmId'] as const) {
			if (!armIds.has(result.comparison[key]))
				issues.push({
					path: `${path}.comparison.${key}`,
					message: `unknown arm "${result.comparison[key]}"`
				});
		}
	}
	if (value === undefined && !result.text && !result.valueOpen)
		issues.push({ path: `${path}.value`, message: 'a result needs a value or a text' });
	checkOpenValue(result, path, issues);
	if (events !== undefined && total === undefined)
		issues.push({ path: `${path}.total`, message: 'events are given, so the total is required' });
	if (events !== undefined && total !== undefined && events > total)
		issues.push({
			path: `${path}.events`,
			message: `events (${events}) exceed the total (${total})`
		});
	if (
		unit === 'percent' &&
		value !== undefined &&
		events !== undefined &&
		total !== undefined &&
		events <= total &&
		Math.abs((100 * events) / total - value) > PERCENT_ROUNDING_TOLERANCE + 1e-9
	)
		issues.push({
			path: `${path}.value`,
			message: `${value} % does not match ${events}/${total} = ${((100 * events) / total).toFixed(1)} % within rounding`
		});
	if (ci) checkInterval(ci, value, `${path}.ci`, issues);
	checkSurvivalData(result, path, study, explained, issues);
	result.curves?.forEach((curve, c) =>
		checkProvenance(curve.provenance, `${path}.curves[${c}].provenance`, dataset, texts, issues)
	);
	result.patientData?.forEach((data, k) =>
		checkProvenance(data.provenance, `${path}.patientData[${k}].provenance`, dataset, texts, issues)
	);
	if (result.basis !== 'reported' && !result.derivation)
		issues.push({
			path: `${path}.derivation`,
			message: `a ${result.basis} figure must say how it was obtained`
		});
	const quotedSource = dataset.sources.find((s) => s.id === result.provenance.sourceId)?.file;
	if (quotedSource && result.value !== undefined && !result.printed)
		issues.push({
			path: `${path}.printed`,
			message: 'a figure from a stored source must give the figure as printed in its quote'
		});
	checkProvenance(result.provenance, `${path}.provenance`, dataset, texts, issues, result.printed);
}

/** Checks what the schema cannot: references, arithmetic, quotes. */
export function checkIntegrity(dataset: Dataset, texts?: SourceTexts): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const duplicate = (ids: string[], path: string) => {
		const seen = new Set<string>();
		ids.forEach((id, i) => {
			if (seen.has(id)) issues.push({ path: `${path}[${i}].id`, message: `duplicate id "${id}"` });
			seen.add(id);
		});
	};
	duplicate(
		dataset.sources.map((s) => s.id),
		'sources'
	);
	// A link the pages render must lead to a web page, never to script (javascript:, data:).
	dataset.sources.forEach((source, i) => {
		if (source.url && !/^https?:\/\//i.test(source.url))
			issues.push({
				path: `sources[${i}].url`,
				message: `a source URL must start with https:// or http://, got "${source.url.slice(0, 40)}"`
			});
	});
	duplicate(
		dataset.indications.map((s) => s.id),
		'indications'
	);
	duplicate(
		dataset.studies.map((s) => s.id),
		'studies'
	);

	const indicationIds = new Set(dataset.indications.map((i) => i.id));
	const studyIds = new Set(dataset.studies.map((s) => s.id));
	const sourceIds = new Set(dataset.sources.map((s) => s.id));
	const itemIds = new Set<string>();
	/** Study id of each result and sample size, so a discrepancy can only join items of its own study. */
	const itemStudy = new Map<string, string>();

	dataset.medicines.forEach((medicine, m) =>
		checkProvenance(medicine.provenance, `medicines[${m}].provenance`, dataset, texts, issues)
	);
	checkFacets(dataset, issues);
	checkTreatments(dataset, issues);
	/** Items a recorded discrepancy explains (a curve whose first at-risk count differs from n). */
	const explained = new Set(dataset.discrepancies.flatMap((d) => d.itemIds));
	dataset.indications.forEach((ind, i) =>
		checkProvenance(ind.provenance, `indications[${i}].provenance`, dataset, texts, issues)
	);

	dataset.studies.forEach((study, s) => {
		const base = `studies[${s}]`;
		study.indicationIds.forEach((ref, i) => {
			if (!indicationIds.has(ref))
				issues.push({
					path: `${base}.indicationIds[${i}]`,
					message: `unknown indication "${ref}"`
				});
		});
		study.sourceIds.forEach((ref, i) => {
			if (!sourceIds.has(ref))
				issues.push({ path: `${base}.sourceIds[${i}]`, message: `unknown source "${ref}"` });
		});
		checkProvenance(study.provenance, `${base}.provenance`, dataset, texts, issues);
		duplicate(
			study.arms.map((a) => a.id),
			`${base}.arms`
		);
		duplicate(
			study.endpoints.map((e) => e.id),
			`${base}.endpoints`
		);
		study.arms.forEach((arm, a) => {
			if (arm.provenance)
				checkProvenance(arm.provenance, `${base}.arms[${a}].provenance`, dataset, texts, issues);
		});
		study.sampleSizes.forEach((size, z) => {
			const path = `${base}.sampleSizes[${z}]`;
			if (itemIds.has(size.id))
				issues.push({ path: `${path}.id`, message: `duplicate id "${size.id}"` });
			itemIds.add(size.id);
			if (!itemStudy.has(size.id)) itemStudy.set(size.id, study.id);
			if (size.basis === 'derived' && !size.derivation)
				issues.push({
					path: `${path}.derivation`,
					message: 'a derived figure must say how it was obtained'
				});
			checkProvenance(size.provenance, `${path}.provenance`, dataset, texts, issues, size.printed);
		});
		study.endpoints.forEach((endpoint, e) => {
			endpoint.results.forEach((result, r) => {
				const path = `${base}.endpoints[${e}].results[${r}]`;
				if (itemIds.has(result.id))
					issues.push({ path: `${path}.id`, message: `duplicate id "${result.id}"` });
				itemIds.add(result.id);
				if (!itemStudy.has(result.id)) itemStudy.set(result.id, study.id);
				checkResult(result, path, study, explained, dataset, texts, issues);
			});
		});
	});

	duplicate(
		dataset.discrepancies.map((d) => d.id),
		'discrepancies'
	);
	// Adverse reactions can disagree too (two label versions), so they are items as well.
	for (const profile of dataset.safety)
		for (const reaction of profile.reactions) itemIds.add(reaction.id);
	dataset.discrepancies.forEach((d, i) => {
		if (d.studyId !== undefined && !studyIds.has(d.studyId))
			issues.push({ path: `discrepancies[${i}].studyId`, message: `unknown study "${d.studyId}"` });
		d.itemIds.forEach((ref, j) => {
			if (!itemIds.has(ref))
				issues.push({
					path: `discrepancies[${i}].itemIds[${j}]`,
					message: `unknown result "${ref}"`
				});
			else if (
				d.studyId !== undefined &&
				studyIds.has(d.studyId) &&
				itemStudy.get(ref) !== d.studyId
			)
				issues.push({
					path: `discrepancies[${i}].itemIds[${j}]`,
					message: `"${ref}" belongs to study "${itemStudy.get(ref)}", not "${d.studyId}"`
				});
		});
	});
	duplicate(
		dataset.safety.map((p) => p.id),
		'safety'
	);
	dataset.safety.forEach((profile, p) =>
		duplicate(
			profile.reactions.map((r) => r.id),
			`safety[${p}].reactions`
		)
	);
	duplicate(
		dataset.timeline.map((t) => t.id),
		'timeline'
	);
	duplicate(
		dataset.dosing.map((d) => d.id),
		'dosing'
	);
	dataset.safety.forEach((profile, p) =>
		profile.reactions.forEach((reaction, r) =>
			checkProvenance(
				reaction.provenance,
				`safety[${p}].reactions[${r}].provenance`,
				dataset,
				texts,
				issues
			)
		)
	);
	dataset.timeline.forEach((event, t) => {
		const path = `timeline[${t}]`;
		event.indicationIds.forEach((ref, i) => {
			if (!indicationIds.has(ref))
				issues.push({
					path: `${path}.indicationIds[${i}]`,
					message: `unknown indication "${ref}"`
				});
		});
		if (event.studyId && !studyIds.has(event.studyId))
			issues.push({ path: `${path}.studyId`, message: `unknown study "${event.studyId}"` });
		checkProvenance(event.provenance, `${path}.provenance`, dataset, texts, issues);
	});
	dataset.dosing.forEach((regimen, d) => {
		const path = `dosing[${d}]`;
		regimen.indicationIds.forEach((ref, i) => {
			if (!indicationIds.has(ref))
				issues.push({
					path: `${path}.indicationIds[${i}]`,
					message: `unknown indication "${ref}"`
				});
		});
		if (regimen.studyId && !studyIds.has(regimen.studyId))
			issues.push({ path: `${path}.studyId`, message: `unknown study "${regimen.studyId}"` });
		regimen.steps.forEach((step, s) => {
			if (step.fromDay > step.toDay)
				issues.push({ path: `${path}.steps[${s}]`, message: 'fromDay is after toDay' });
		});
		checkProvenance(regimen.provenance, `${path}.provenance`, dataset, texts, issues);
	});
	// Indirect comparisons: their references, inputs usable by Bucher, and every quote.
	issues.push(...checkIndirectComparisons(dataset));
	(dataset.indirectComparisons ?? []).forEach((itc, i) => {
		const path = `indirectComparisons[${i}]`;
		itc.transitivity.forEach((dim, d) => {
			for (const [studyId, cell] of Object.entries(dim.cells))
				if (cell.provenance)
					checkProvenance(
						cell.provenance,
						`${path}.transitivity[${d}].cells.${studyId}.provenance`,
						dataset,
						texts,
						issues
					);
		});
		itc.published.forEach((p, j) =>
			checkProvenance(p.provenance, `${path}.published[${j}].provenance`, dataset, texts, issues)
		);
	});
	return issues;
}

/** Shape, then meaning. A dataset is either valid whole or reported with every problem. */
export function validateDataset(input: unknown, texts?: SourceTexts): ValidationOutcome {
	const shaped = validateShape(input);
	if (!shaped.ok) return shaped;
	const issues = checkIntegrity(shaped.dataset, texts);
	if (!issues.length) return shaped;
	return { ok: false, issues, ...(shaped.migration ? { migration: shaped.migration } : {}) };
}

/** What kind of problem an issue is, so the page can say how to fix it. */
export type IssueKind =
	| 'syntax'
	| 'size'
	| 'encoding'
	| 'forbidden-key'
	| 'missing'
	| 'unknown-field'
	| 'type'
	| 'value'
	| 'reference'
	| 'duplicate'
	| 'arithmetic'
	| 'interval'
	| 'derivation'
	| 'provenance'
	| 'unsafe-url'
	| 'csv-structure';

const KIND_PATTERNS: [RegExp, IssueKind][] = [
	[/^forbidden key/, 'forbidden-key'],
	[/^required field is missing|needs a value or a text/, 'missing'],
	[/^unknown field/, 'unknown-field'],
	[/^unknown |belongs to study|no stored text/, 'reference'],
	[/^duplicate id/, 'duplicate'],
	[/exceed the total|within rounding|the total is required/, 'arithmetic'],
	[/^CI /, 'interval'],
	[/must say how it was obtained/, 'derivation'],
	[/quote|as printed/, 'provenance'],
	[/source URL must start/, 'unsafe-url'],
	[/^expected (a string|a number|a boolean|an object|a list), got|^expected one of /, 'type']
];

/**
 * The kind of a validation issue, read from its message (validation issues stay plain
 * `{path, message}` objects, so they survive being posted from a worker).
 */
export function issueKind(issue: ValidationIssue): IssueKind {
	for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(issue.message)) return kind;
	return 'value';
}

export function formatIssues(issues: ValidationIssue[]): string {
	return issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
}
