/**
 * The sources behind a chart, resolved to full records for the "Sources" sheet and
 * the slide notes. Charts name sources by short citation (spec.sources, row.source);
 * we match those against the dataset's sources by short citation, citation or id.
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import type { Source } from '$lib/evidence/schema';

export type ExportSource = Pick<
	Source,
	'id' | 'shortCitation' | 'citation' | 'date' | 'doi' | 'pmid' | 'url'
>;

export function resolveSources(
	sources: readonly Source[],
	spec: Pick<ChartSpec, 'sources'>,
	rows: readonly Pick<TidyRow, 'source'>[]
): ExportSource[] {
	const named = [...new Set([...spec.sources, ...rows.map((r) => r.source)].filter(Boolean))];
	const out: ExportSource[] = [];
	const seen = new Set<string>();
	for (const name of named) {
		const key = name.trim();
		const source = sources.find(
			(s) => s.shortCitation === key || s.citation === key || s.id === key
		);
		const record: ExportSource = source ?? { id: '', shortCitation: key, citation: key };
		const dedupe = record.id || record.citation;
		if (seen.has(dedupe)) continue;
		seen.add(dedupe);
		out.push(record);
	}
	return out;
}
