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
import { checkReferences } from './integrity-references';
import { migrateDataset, type Migration } from './migrate';
import type { ValidationIssue } from './issues';
import { DatasetSchema, type Dataset, type Provenance, type Result, type Study } from './schema';

export type { IssueKind, ValidationIssue } from './issues';

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
				issues.push({
					path: formatPath([...path, key]),
					message: `forbidden key "${key}"`,
					kind: 'forbidden-key'
				});
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

/** Expected values that name a type ("a string", "one of …") rather than a value ("2"). */
function namesType(expected: string): boolean {
	return (
		['Object', 'Array', 'string', 'boolean', 'number'].includes(expected) ||
		expected.replace(/^\((.*)\)$/, '$1').split(' | ').length > 1
	);
}

/** One valibot issue as a sentence (what was expected, what was found) and its kind. */
function describeShapeIssue(issue: v.BaseIssue<unknown>): Omit<ValidationIssue, 'path'> {
	const got = received(issue);
	if (issue.type === 'strict_object' && issue.received === 'undefined')
		return { message: 'required field is missing', kind: 'missing' };
	if (issue.type === 'strict_object' && issue.expected === 'never')
		return { message: `unknown field ${got}`, kind: 'unknown-field' };
	if (issue.kind === 'schema') {
		const expected = issue.expected ?? '';
		return {
			message: `expected ${describeExpected(expected)}, got ${got}`,
			kind: namesType(expected) ? 'type' : 'value'
		};
	}
	return { message: describeRule(issue, got), kind: 'value' };
}

/** A broken rule (a length, a bound, one of our own checks) as a sentence. */
function describeRule(issue: v.BaseIssue<unknown>, got: string): string {
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
	const shapeIssues: ValidationIssue[] = parsed.success
		? []
		: parsed.issues
				.map((issue) => ({ path: issuePath(issue.path), ...describeShapeIssue(issue) }))
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
		issues.push({
			path: `${path}.sourceId`,
			message: `unknown source "${prov.sourceId}"`,
			kind: 'reference'
		});
		return;
	}
	if (!source.file) return;
	if (!prov.quote) {
		issues.push({
			path: `${path}.quote`,
			message: `source "${source.id}" is stored verbatim, so a quote from it is required`,
			kind: 'provenance'
		});
		return;
	}
	const text = texts?.[source.id];
	if (texts && text === undefined) {
		issues.push({
			path: `${path}.sourceId`,
			message: `no stored text for source "${source.id}"`,
			kind: 'reference'
		});
	} else if (
		text !== undefined &&
		!normaliseWhitespace(text).includes(normaliseWhitespace(prov.quote))
	) {
		issues.push({
			path: `${path}.quote`,
			message: `quote does not occur verbatim in the stored text of "${source.id}"`,
			kind: 'provenance'
		});
	}
	if (printed && !normaliseWhitespace(prov.quote).includes(normaliseWhitespace(printed))) {
		issues.push({
			path: `${path}.quote`,
			message: `quote does not contain the figure as printed ("${printed}")`,
			kind: 'provenance'
		});
	}
}

/** Events, total and a printed percentage agree. */
function checkCounts(result: Result, path: string, issues: ValidationIssue[]) {
	const { events, total, value, unit } = result;
	if (events !== undefined && total === undefined)
		issues.push({
			path: `${path}.total`,
			message: 'events are given, so the total is required',
			kind: 'arithmetic'
		});
	if (events !== undefined && total !== undefined && events > total)
		issues.push({
			path: `${path}.events`,
			message: `events (${events}) exceed the total (${total})`,
			kind: 'arithmetic'
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
			message: `${value} % does not match ${events}/${total} = ${((100 * events) / total).toFixed(1)} % within rounding`,
			kind: 'arithmetic'
		});
}

/** What the pages need to say where a figure came from and how it was obtained. */
interface Context {
	dataset: Dataset;
	texts: SourceTexts | undefined;
	/** Items a recorded discrepancy explains (a curve whose first at-risk count differs from n). */
	explained: Set<string>;
	issues: ValidationIssue[];
}

function checkResult(result: Result, path: string, study: Study, context: Context) {
	const { dataset, texts, explained, issues } = context;
	if (result.value === undefined && !result.text && !result.valueOpen)
		issues.push({
			path: `${path}.value`,
			message: 'a result needs a value or a text',
			kind: 'missing'
		});
	checkOpenValue(result, path, issues);
	checkCounts(result, path, issues);
	if (result.ci) checkInterval(result.ci, result.value, `${path}.ci`, issues);
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
			message: `a ${result.basis} figure must say how it was obtained`,
			kind: 'derivation'
		});
	const quotedSource = dataset.sources.find((s) => s.id === result.provenance.sourceId)?.file;
	if (quotedSource && result.value !== undefined && !result.printed)
		issues.push({
			path: `${path}.printed`,
			message: 'a figure from a stored source must give the figure as printed in its quote',
			kind: 'provenance'
		});
	checkProvenance(result.provenance, `${path}.provenance`, dataset, texts, issues, result.printed);
}

/** A link the pages render must lead to a web page, never to script (javascript:, data:). */
function checkSourceUrls(dataset: Dataset, issues: ValidationIssue[]) {
	dataset.sources.forEach((source, i) => {
		if (source.url && !/^https?:\/\//i.test(source.url))
			issues.push({
				path: `sources[${i}].url`,
				message: `a source URL must start with https:// or http://, got "${source.url.slice(0, 40)}"`,
				kind: 'unsafe-url'
			});
	});
}

/** Each study's own provenance, its arms', sample sizes' and results'. */
function checkStudy(study: Study, base: string, context: Context) {
	const { dataset, texts, issues } = context;
	checkProvenance(study.provenance, `${base}.provenance`, dataset, texts, issues);
	study.arms.forEach((arm, a) => {
		if (arm.provenance)
			checkProvenance(arm.provenance, `${base}.arms[${a}].provenance`, dataset, texts, issues);
	});
	study.sampleSizes.forEach((size, z) => {
		const path = `${base}.sampleSizes[${z}]`;
		if (size.basis === 'derived' && !size.derivation)
			issues.push({
				path: `${path}.derivation`,
				message: 'a derived figure must say how it was obtained',
				kind: 'derivation'
			});
		checkProvenance(size.provenance, `${path}.provenance`, dataset, texts, issues, size.printed);
	});
	study.endpoints.forEach((endpoint, e) =>
		endpoint.results.forEach((result, r) =>
			checkResult(result, `${base}.endpoints[${e}].results[${r}]`, study, context)
		)
	);
}

/** A discrepancy of one study can only join items of that study. */
function checkDiscrepancyStudies(dataset: Dataset, issues: ValidationIssue[]) {
	const itemStudy = new Map<string, string>();
	for (const study of dataset.studies) {
		const items = [...study.sampleSizes, ...study.endpoints.flatMap((e) => e.results)];
		for (const item of items) if (!itemStudy.has(item.id)) itemStudy.set(item.id, study.id);
	}
	const reactionIds = new Set(dataset.safety.flatMap((p) => p.reactions.map((r) => r.id)));
	const studyIds = new Set(dataset.studies.map((s) => s.id));
	dataset.discrepancies.forEach((d, i) => {
		if (d.studyId === undefined || !studyIds.has(d.studyId)) return;
		d.itemIds.forEach((ref, j) => {
			const owner = itemStudy.get(ref);
			// An unknown item is reported by the reference table; an adverse reaction has no study.
			if (owner === d.studyId || (owner === undefined && !reactionIds.has(ref))) return;
			issues.push({
				path: `discrepancies[${i}].itemIds[${j}]`,
				message: owner
					? `"${ref}" belongs to study "${owner}", not "${d.studyId}"`
					: `"${ref}" is an adverse reaction, not an item of study "${d.studyId}"`,
				kind: 'reference'
			});
		});
	});
}

function checkDosingSteps(dataset: Dataset, issues: ValidationIssue[]) {
	dataset.dosing.forEach((regimen, d) =>
		regimen.steps.forEach((step, s) => {
			if (step.fromDay > step.toDay)
				issues.push({
					path: `dosing[${d}].steps[${s}]`,
					message: 'fromDay is after toDay',
					kind: 'value'
				});
		})
	);
}

/** The provenance of every record that is not a study's (those are checked with their study). */
function checkRecordProvenance({ dataset, texts, issues }: Context) {
	const lists = [
		['medicines', dataset.medicines],
		['indications', dataset.indications],
		['timeline', dataset.timeline],
		['dosing', dataset.dosing]
	] as const;
	for (const [key, records] of lists)
		records.forEach((record, i) =>
			checkProvenance(record.provenance, `${key}[${i}].provenance`, dataset, texts, issues)
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
}

/** Indirect comparisons: their references, inputs usable by Bucher, and every quote. */
function checkIndirect({ dataset, texts, issues }: Context) {
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
}

/** Checks what the schema cannot: ids and references, arithmetic, quotes. */
export function checkIntegrity(dataset: Dataset, texts?: SourceTexts): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const explained = new Set(dataset.discrepancies.flatMap((d) => d.itemIds));
	const context: Context = { dataset, texts, explained, issues };
	checkReferences(dataset, issues);
	checkSourceUrls(dataset, issues);
	checkFacets(dataset, issues);
	checkTreatments(dataset, issues);
	checkRecordProvenance(context);
	dataset.studies.forEach((study, s) => checkStudy(study, `studies[${s}]`, context));
	checkDiscrepancyStudies(dataset, issues);
	checkDosingSteps(dataset, issues);
	checkIndirect(context);
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

export function formatIssues(issues: Pick<ValidationIssue, 'path' | 'message'>[]): string {
	return issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
}
