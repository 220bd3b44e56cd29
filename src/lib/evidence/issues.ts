/**
 * What a problem with a dataset is, and where. Each check states the kind of the issue it
 * builds, so the page can say how to fix it without reading the English message. Issues are
 * plain objects: they are posted from the import worker, so they must survive a structured clone.
 */

/** Every kind of problem, in the order the import page lists its hints. */
export const ISSUE_KINDS = [
	'syntax',
	'size',
	'encoding',
	'forbidden-key',
	'missing',
	'unknown-field',
	'type',
	'value',
	'reference',
	'duplicate',
	'arithmetic',
	'interval',
	'derivation',
	'provenance',
	'unsafe-url',
	'csv-structure'
] as const;

export type IssueKind = (typeof ISSUE_KINDS)[number];

export interface ValidationIssue {
	/** Dotted path with indices, e.g. `studies[2].arms[0].n`. */
	path: string;
	message: string;
	kind: IssueKind;
}
