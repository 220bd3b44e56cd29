/**
 * The building blocks of the tidy CSV's record specs: which column holds which field of a
 * record, and how its cell is written. Shared by the current format and the frozen version 1.
 */

/**
 * How a cell is written. `nullable-number`: a number, or an empty cell for a limit the source
 * printed no number for (null in the dataset); only read when its group is present.
 */
export type CellType = 'text' | 'number' | 'nullable-number' | 'boolean' | 'list' | 'json';

export interface FieldSpec {
	column: string;
	/** Dotted path inside the record's object, e.g. `ci.low`. */
	path: string;
	type: CellType;
}

export interface RecordSpec {
	fields: FieldSpec[];
	/** Columns naming the parent record (not fields of this one). */
	parents?: string[];
	/**
	 * Nested objects (dotted paths, e.g. `ci` or `ci.lowOpen`) that are absent when all their
	 * cells are empty.
	 */
	optionalGroups?: string[];
}

export const f = (column: string, path: string, type: CellType = 'text'): FieldSpec => ({
	column,
	path,
	type
});

export const provenance: FieldSpec[] = [
	f('source', 'provenance.sourceId'),
	f('locator', 'provenance.locator'),
	f('quote', 'provenance.quote'),
	f('gloss', 'provenance.gloss'),
	f('data_cut', 'provenance.dataCut'),
	f('follow_up', 'provenance.followUp')
];

/** Every column the specs use, `record` first, then `leading` (those that exist), then the rest in spec order. */
export function columnsOf(specs: Record<string, RecordSpec>, leading: readonly string[]): string[] {
	const used = new Set<string>();
	for (const spec of Object.values(specs)) {
		for (const parent of spec.parents ?? []) used.add(parent);
		for (const field of spec.fields) used.add(field.column);
	}
	const first = leading.filter((c) => used.has(c));
	return ['record', ...first, ...[...used].filter((c) => !first.includes(c))];
}
