import { describe, expect, it } from 'vitest';
import { doiUrl, pmcidUrl, pmidUrl, registryUrl, sourceIdentifiers } from './identifiers';

describe('identifier links', () => {
	it.each<[string, (id: string) => string | undefined, string, string | undefined]>([
		['NCT', registryUrl, 'NCT01466179', 'https://clinicaltrials.gov/study/NCT01466179'],
		['nct lower case', registryUrl, 'nct01466179', 'https://clinicaltrials.gov/study/NCT01466179'],
		['EudraCT', registryUrl, '2013-000536-10', undefined],
		['short NCT', registryUrl, 'NCT0146', undefined],
		['DOI', doiUrl, '10.1056/NEJMoa1609783', 'https://doi.org/10.1056/NEJMoa1609783'],
		[
			'DOI with brackets',
			doiUrl,
			'10.1016/S1470-2045(14)71170-2',
			'https://doi.org/10.1016/S1470-2045(14)71170-2'
		],
		[
			'DOI as URL',
			doiUrl,
			'https://doi.org/10.1056/NEJMoa1609783',
			'https://doi.org/10.1056/NEJMoa1609783'
		],
		['not a DOI', doiUrl, 'nejm 2017', undefined],
		['PMID', pmidUrl, '25524800', 'https://pubmed.ncbi.nlm.nih.gov/25524800/'],
		['not a PMID', pmidUrl, 'PMID25524800', undefined],
		['PMCID', pmcidUrl, 'PMC6475509', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6475509/'],
		['not a PMCID', pmcidUrl, '6475509', undefined]
	])('%s', (_name, link, id, expected) => {
		expect(link(id)).toBe(expected);
	});

	it('lists the identifiers of a source in a fixed order', () => {
		expect(
			sourceIdentifiers({ registryId: 'NCT02013167', pmid: '1', doi: '10.1000/x' }).map(
				(i) => `${i.kind}:${i.href ?? '-'}`
			)
		).toEqual([
			'doi:https://doi.org/10.1000/x',
			'pmid:https://pubmed.ncbi.nlm.nih.gov/1/',
			'registry:https://clinicaltrials.gov/study/NCT02013167'
		]);
	});
});
