/**
 * Adverse-reaction frequencies as a sorted dot chart: the label with the most frequencies
 * is the main series; other labels with frequencies are compared where they name the same
 * reaction in the same category; labels without frequencies (the overview's qualitative
 * list) are listed beside the chart, never plotted.
 */
import type { AdverseReaction, SafetyProfile } from '$lib/evidence/schema';
import type { TidyRow } from '../spec';

export interface ProfileRoles {
	/** The label whose frequencies are plotted and sorted on. */
	primary?: SafetyProfile;
	/** Other labels with frequencies: a second series where the reaction matches. */
	comparisons: SafetyProfile[];
	/** Labels that name reactions without frequencies. */
	qualitative: SafetyProfile[];
}

const quantified = (p: SafetyProfile) => p.reactions.filter((r) => r.percent !== undefined).length;

/** Decides which profile is plotted, which are compared and which are listed. */
export function profileRoles(profiles: SafetyProfile[]): ProfileRoles {
	const quantitative = profiles
		.map((profile, i) => ({ profile, i, count: quantified(profile) }))
		.filter((p) => p.count > 0)
		.sort(
			(a, b) =>
				b.count - a.count ||
				Number(b.profile.n !== undefined) - Number(a.profile.n !== undefined) ||
				a.i - b.i
		);
	return {
		primary: quantitative[0]?.profile,
		comparisons: quantitative.slice(1).map((p) => p.profile),
		qualitative: profiles.filter((p) => quantified(p) === 0)
	};
}

/** A reaction's term for matching: case, accents, punctuation and spacing ignored. */
export function termKey(term: string): string {
	return term
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export interface ComparedValue {
	profile: SafetyProfile;
	reaction: AdverseReaction;
	value: number;
}

export interface SafetyRow {
	/** The primary reaction's id. */
	key: string;
	term: string;
	category: AdverseReaction['category'];
	serious: boolean;
	value: number;
	reaction: AdverseReaction;
	/** The same reaction (same term and category) in the comparison labels. */
	others: ComparedValue[];
}

/** Rows of the dot chart: most frequent first; at equal frequency serious first, then by term. */
export function safetyRows(primary: SafetyProfile, comparisons: SafetyProfile[]): SafetyRow[] {
	return primary.reactions
		.filter((r): r is AdverseReaction & { percent: number } => r.percent !== undefined)
		.map((reaction) => ({
			key: reaction.id,
			term: reaction.term,
			category: reaction.category,
			serious: reaction.category === 'most-serious',
			value: reaction.percent,
			reaction,
			others: comparisons.flatMap((profile) => {
				const match = profile.reactions.find(
					(r) =>
						r.percent !== undefined &&
						r.category === reaction.category &&
						termKey(r.term) === termKey(reaction.term)
				);
				return match ? [{ profile, reaction: match, value: match.percent! }] : [];
			})
		}))
		.sort(
			(a, b) =>
				b.value - a.value || Number(b.serious) - Number(a.serious) || a.term.localeCompare(b.term)
		);
}

/** Reactions of a comparison label that found no partner in the primary label. */
export function unmatched(rows: SafetyRow[], comparisons: SafetyProfile[]): AdverseReaction[] {
	const used = new Set(rows.flatMap((r) => r.others.map((o) => o.reaction.id)));
	return comparisons.flatMap((p) =>
		p.reactions.filter((r) => r.percent !== undefined && !used.has(r.id))
	);
}

/** One tidy row per plotted figure: the primary label's, then each comparison's. */
export function safetyTidyRows(
	rows: SafetyRow[],
	primary: SafetyProfile,
	lookups: {
		sourceCitation: (id: string) => string;
		categoryLabel: (category: AdverseReaction['category']) => string;
		unit: string;
	}
): TidyRow[] {
	const row = (profile: SafetyProfile, reaction: AdverseReaction, value: number): TidyRow => ({
		study: '',
		indication: profile.population,
		arm: profile.version,
		endpoint: `${reaction.term} (${lookups.categoryLabel(reaction.category)})`,
		timepoint: '',
		value,
		unit: lookups.unit,
		events: null,
		total: profile.n ?? null,
		ciLow: null,
		ciHigh: null,
		ciLevel: null,
		ciMethod: '',
		basis: 'reported',
		source: lookups.sourceCitation(reaction.provenance.sourceId),
		locator: reaction.provenance.locator,
		dataCut: reaction.provenance.dataCut ?? ''
	});
	return rows.flatMap((r) => [
		row(primary, r.reaction, r.value),
		...r.others.map((o) => row(o.profile, o.reaction, o.value))
	]);
}
