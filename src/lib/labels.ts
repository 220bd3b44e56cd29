/**
 * Words for the coded values of the evidence schema, in the reader's language: the one
 * place that turns an enum or facet value into a message.
 */
import { m } from '$lib/paraglide/messages';
import type { FilterDimension, SourceGroup } from '$lib/evidence/filters';
import type {
	AgeGroup,
	EndpointKind,
	PhStatus,
	Population,
	SampleSize,
	Setting,
	Source,
	TimelineEvent,
	Arm,
	Design
} from '$lib/evidence/schema';
import type { IdentifierKind } from '$lib/evidence/identifiers';

export function ageGroupLabel(age: AgeGroup): string {
	return { adult: m.dd_age_adult, child: m.dd_age_child, infant: m.dd_age_infant }[age]();
}

export function phLabel(ph: PhStatus): string {
	return { negative: m.dd_ph_negative, positive: m.dd_ph_positive, any: m.dd_ph_any }[ph]();
}

export function settingLabel(setting: Setting): string {
	return {
		'relapsed-refractory': m.dd_setting_relapsed_refractory,
		'minimal-residual-disease': m.dd_setting_minimal_residual_disease,
		consolidation: m.dd_setting_consolidation
	}[setting]();
}

export function lineLabel(line: Population['line']): string {
	return {
		'newly-diagnosed': m.dd_line_newly_diagnosed,
		'first-relapse': m.dd_line_first_relapse,
		'relapsed-refractory': m.dd_line_relapsed_refractory,
		any: m.dd_line_any
	}[line]();
}

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

export function filterDimensionLabel(dimension: FilterDimension): string {
	return {
		age: m.dd_filter_age,
		ph: m.dd_filter_ph,
		setting: m.dd_filter_setting,
		design: m.dd_filter_design,
		source: m.dd_filter_source
	}[dimension]();
}

/** The label of one filter value, whatever its dimension. */
export function filterValueLabel(dimension: FilterDimension, value: string): string {
	switch (dimension) {
		case 'age':
			return ageGroupLabel(value as AgeGroup);
		case 'ph':
			return phLabel(value as PhStatus);
		case 'setting':
			return settingLabel(value as Setting);
		case 'design':
			return designLabel(value as Parameters<typeof designLabel>[0]);
		case 'source':
			return sourceGroupLabel(value as SourceGroup);
	}
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
