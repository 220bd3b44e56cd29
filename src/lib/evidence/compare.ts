/**
 * Studies side by side: their endpoints aligned by kind and label, so "CR/CRh within two
 * cycles" of one study sits next to the same endpoint of another, and each figure keeps
 * its own arm, source and provenance.
 */
import { EndpointKindSchema, type Dataset, type EndpointKind, type Study } from './schema';
import { studyResults, type LocatedResult } from './queries';

/** Endpoint kinds in the order the schema lists them: responses first, text last. */
export const ENDPOINT_KIND_ORDER: readonly EndpointKind[] = EndpointKindSchema.options;

export interface CompareRow {
	/** Kind and normalised label: the alignment key. */
	key: string;
	kind: EndpointKind;
	/** The label as the first study names it. */
	label: string;
	/** For each study, in the order given: its results for this endpoint (empty: not reported). */
	cells: LocatedResult[][];
	/** For each study: is this one of its primary endpoints? */
	primary: boolean[];
}

export interface CompareGroup {
	kind: EndpointKind;
	rows: CompareRow[];
}

/** Case, spacing and dash differences do not split an endpoint in two. */
export function endpointKey(kind: EndpointKind, label: string): string {
	const text = label
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[‐-―−]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
	return `${kind}|${text}`;
}

/**
 * The endpoints of the given studies, grouped by kind (in ENDPOINT_KIND_ORDER) and aligned
 * by label. Within a kind, rows that are primary somewhere come first, then in the order
 * the studies list them.
 */
export function alignEndpoints(dataset: Dataset, studies: readonly Study[]): CompareGroup[] {
	const rows = new Map<string, CompareRow>();
	studies.forEach((study, column) => {
		for (const located of studyResults(dataset, study)) {
			const { endpoint } = located;
			const key = endpointKey(endpoint.kind, endpoint.label);
			let row = rows.get(key);
			if (!row) {
				row = {
					key,
					kind: endpoint.kind,
					label: endpoint.label,
					cells: studies.map(() => []),
					primary: studies.map(() => false)
				};
				rows.set(key, row);
			}
			row.cells[column].push(located);
			if (endpoint.primary) row.primary[column] = true;
		}
	});
	// A Map keeps insertion order and the sort is stable: ties stay in the studies' order.
	const primaryFirst = (a: CompareRow, b: CompareRow) =>
		Number(b.primary.some(Boolean)) - Number(a.primary.some(Boolean));
	return ENDPOINT_KIND_ORDER.flatMap((kind) => {
		const inKind = [...rows.values()].filter((r) => r.kind === kind).sort(primaryFirst);
		return inKind.length ? [{ kind, rows: inKind }] : [];
	});
}
