/**
 * Words for the coded values of the evidence schema, in the reader's language: the one
 * place that turns an enum or facet value into a message.
 */
import { m } from '$lib/paraglide/messages';
import type { FilterDimension, SourceGroup } from '$lib/evidence/filters';
import type {
	Dataset,
	EndpointKind,
	SampleSize,
	Source,
	TimelineEvent,
	Arm,
	Design
} from '$lib/evidence/schema';
import { facetLabel, facetValueLabel, type Language } from '$lib/evidence/facets';
import { getLocale } from '$lib/paraglide/runtime';
import type { IdentifierKind } from '$lib/evidence/identifiers';

export function sourceGroupLabel(group: SourceGroup): string {
	return {
		regulatory: m.dd_source_regulatory,
		publication: m.dd_source_publication,
		registry: m.dd_source_registry
	}[group]();
}

export function sourceKindLabel(kind: Source['kind']): string {
	return {
		regulatory: m.dd_kind_source_regulatory,
		publication: m.dd_kind_source_publication,
		registry: m.dd_kind_source_registry,
		label: m.dd_kind_source_label
	}[kind]();
}

export function languageLabel(code: string): string {
	if (code === 'nl') return m.dd_language_nl();
	if (code === 'en') return m.dd_language_en();
	return code;
}

export function identifierLabel(kind: IdentifierKind): string {
	return {
		doi: m.dd_identifier_doi,
		pmid: m.dd_identifier_pmid,
		pmcid: m.dd_identifier_pmcid,
		registry: m.dd_identifier_registry
	}[kind]();
}

export function endpointKindLabel(kind: EndpointKind): string {
	return {
		response: m.dd_kind_response,
		'event-rate': m.dd_kind_event_rate,
		'landmark-survival': m.dd_kind_landmark_survival,
		'median-time': m.dd_kind_median_time,
		'hazard-ratio': m.dd_kind_hazard_ratio,
		difference: m.dd_kind_difference,
		qualitative: m.dd_kind_qualitative
	}[kind]();
}

export function eventKindLabel(kind: TimelineEvent['kind']): string {
	return {
		'orphan-designation': m.dd_event_orphan_designation,
		'chmp-opinion': m.dd_event_chmp_opinion,
		'conditional-authorisation': m.dd_event_conditional_authorisation,
		'full-authorisation': m.dd_event_full_authorisation,
		'indication-extension': m.dd_event_indication_extension,
		'negative-opinion': m.dd_event_negative_opinion,
		'study-readout': m.dd_event_study_readout,
		publication: m.dd_event_publication
	}[kind]();
}

export function sampleSizeKindLabel(kind: SampleSize['kind']): string {
	return {
		enrolled: m.dd_sample_size_kind_enrolled,
		randomised: m.dd_sample_size_kind_randomised,
		treated: m.dd_sample_size_kind_treated,
		evaluable: m.dd_sample_size_kind_evaluable,
		reported: m.dd_sample_size_kind_reported
	}[kind]();
}

/** The reader's language as the dataset's localised texts know it. */
export function datasetLanguage(): Language {
	return getLocale() === 'nl' ? 'nl' : 'en';
}

/** A filter dimension's name: the facet's own label, or design / source. */
export function filterDimensionLabel(
	dimension: FilterDimension,
	dataset: Pick<Dataset, 'facets'>
): string {
	if (dimension === 'design') return m.dd_filter_design();
	if (dimension === 'source') return m.dd_filter_source();
	return facetLabel(dataset, dimension, datasetLanguage());
}

/** The label of one filter value, whatever its dimension. */
export function filterValueLabel(
	dimension: FilterDimension,
	value: string,
	dataset: Pick<Dataset, 'facets'>
): string {
	if (dimension === 'design') return designLabel(value as Parameters<typeof designLabel>[0]);
	if (dimension === 'source') return sourceGroupLabel(value as SourceGroup);
	return facetValueLabel(dataset, dimension, value, datasetLanguage());
}

export function designLabel(design: Design): string {
	switch (design) {
		case 'single-arm':
			return m.study_design_single_arm();
		case 'randomised':
			return m.study_design_randomised();
		case 'historical-control':
			return m.study_design_historical_control();
		case 'pharmacokinetic':
			return m.study_design_pharmacokinetic();
	}
}

export function armRoleLabel(role: Arm['role']): string {
	switch (role) {
		case 'experimental':
			return m.arm_experimental();
		case 'comparator':
			return m.arm_comparator();
		case 'historical-control':
			return m.arm_historical_control();
	}
}
