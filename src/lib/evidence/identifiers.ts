/**
 * Links for the identifiers a source or study carries. Only identifiers whose form we can
 * check get a link; anything else is shown as text.
 */

export type IdentifierKind = 'doi' | 'pmid' | 'pmcid' | 'registry';

export interface Identifier {
	kind: IdentifierKind;
	/** The identifier as the source gives it: "10.1056/NEJMoa1609783", "NCT02013167". */
	id: string;
	/** Absent when the identifier's form is not one we can link safely. */
	href?: string;
}

const NCT = /^NCT\d{8}$/i;

/** ClinicalTrials.gov page of an NCT number; undefined for other registries (EudraCT, ISRCTN). */
export function registryUrl(registryId: string | undefined): string | undefined {
	const id = registryId?.trim();
	if (!id || !NCT.test(id)) return undefined;
	return `https://clinicaltrials.gov/study/${id.toUpperCase()}`;
}

export function doiUrl(doi: string): string | undefined {
	const id = doi.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
	return /^10\.\d{4,9}\/\S+$/.test(id) ? `https://doi.org/${id}` : undefined;
}

export function pmidUrl(pmid: string): string | undefined {
	const id = pmid.trim();
	return /^\d{1,9}$/.test(id) ? `https://pubmed.ncbi.nlm.nih.gov/${id}/` : undefined;
}

export function pmcidUrl(pmcid: string): string | undefined {
	const id = pmcid.trim().toUpperCase();
	return /^PMC\d+$/.test(id) ? `https://pmc.ncbi.nlm.nih.gov/articles/${id}/` : undefined;
}

/** Every identifier of a source that can be linked, in a fixed order. */
export function sourceIdentifiers(source: {
	doi?: string;
	pmid?: string;
	pmcid?: string;
	registryId?: string;
}): Identifier[] {
	const out: Identifier[] = [];
	if (source.doi) out.push({ kind: 'doi', id: source.doi, href: doiUrl(source.doi) });
	if (source.pmid) out.push({ kind: 'pmid', id: source.pmid, href: pmidUrl(source.pmid) });
	if (source.pmcid) out.push({ kind: 'pmcid', id: source.pmcid, href: pmcidUrl(source.pmcid) });
	if (source.registryId)
		out.push({ kind: 'registry', id: source.registryId, href: registryUrl(source.registryId) });
	return out;
}
