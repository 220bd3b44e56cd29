/**
 * The tidy CSV of format version 1, frozen: files exported before version 2 still import. They
 * are read with these record specs into a version-1 object, which the validator then migrates
 * (see migrate.ts) like a version-1 JSON file. Nothing writes this format any more.
 */
import { f, provenance, type RecordSpec } from './dataset-csv-spec';

export const V1_RECORD_TYPES = [
	'dataset',
	'medicine',
	'source',
	'indication',
	'study',
	'arm',
	'sample-size',
	'endpoint',
	'result',
	'discrepancy',
	'safety',
	'reaction',
	'timeline',
	'dosing',
	'dose-step'
] as const;
export type V1RecordType = (typeof V1_RECORD_TYPES)[number];

export const V1_RECORD_SPECS: Record<V1RecordType, RecordSpec> = {
	dataset: {
		fields: [
			f('schema_version', 'schemaVersion', 'number'),
			f('version', 'version'),
			f('released', 'released'),
			f('synthetic', 'synthetic', 'boolean')
		]
	},
	medicine: {
		fields: [
			f('name', 'name'),
			f('inn', 'inn'),
			f('atc', 'atc'),
			f('mechanism', 'mechanism'),
			f('procedure', 'procedure'),
			...provenance
		]
	},
	source: {
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('short_citation', 'shortCitation'),
			f('citation', 'citation'),
			f('publisher', 'publisher'),
			f('language', 'language'),
			f('date', 'date'),
			f('url', 'url'),
			f('doi', 'doi'),
			f('pmid', 'pmid'),
			f('pmcid', 'pmcid'),
			f('registry_id', 'registryId'),
			f('file', 'file'),
			f('notice', 'notice')
		]
	},
	indication: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('age_groups', 'population.ageGroups', 'list'),
			f('age', 'population.age'),
			f('ph_status', 'population.phStatus'),
			f('setting', 'population.setting'),
			f('line', 'population.line'),
			f('population', 'population.description'),
			...provenance
		]
	},
	study: {
		fields: [
			f('id', 'id'),
			f('name', 'name'),
			f('code', 'code'),
			f('registry_id', 'registryId'),
			f('phase', 'phase'),
			f('design', 'design'),
			f('design_detail', 'designDetail'),
			f('indications', 'indicationIds', 'list'),
			f('population', 'population'),
			f('inclusion', 'inclusion', 'json'),
			f('dosing', 'dosing'),
			f('sources', 'sourceIds', 'list'),
			f('notes', 'notes', 'json'),
			...provenance
		]
	},
	arm: {
		parents: ['study'],
		optionalGroups: ['provenance'],
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('treatment', 'treatment'),
			f('role', 'role'),
			f('n', 'n', 'number'),
			...provenance
		]
	},
	'sample-size': {
		parents: ['study'],
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('value', 'value', 'number'),
			f('basis', 'basis'),
			f('derivation', 'derivation'),
			f('printed', 'printed'),
			...provenance
		]
	},
	endpoint: {
		parents: ['study'],
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('definition', 'definition'),
			f('primary', 'primary', 'boolean')
		]
	},
	result: {
		parents: ['study', 'endpoint'],
		optionalGroups: ['ci', 'pValue', 'timepoint', 'comparison'],
		fields: [
			f('id', 'id'),
			f('arm', 'armId'),
			f('comparison_experimental', 'comparison.experimentalArmId'),
			f('comparison_comparator', 'comparison.comparatorArmId'),
			f('timepoint', 'timepoint.label'),
			f('timepoint_value', 'timepoint.value', 'number'),
			f('timepoint_unit', 'timepoint.unit'),
			f('value', 'value', 'number'),
			f('unit', 'unit'),
			f('approximate', 'approximate', 'boolean'),
			f('printed', 'printed'),
			f('text', 'text'),
			f('events', 'events', 'number'),
			f('total', 'total', 'number'),
			f('ci_low', 'ci.low', 'number'),
			f('ci_high', 'ci.high', 'number'),
			f('ci_level', 'ci.level', 'number'),
			f('ci_method', 'ci.method'),
			f('p_value', 'pValue.value', 'number'),
			f('p_relation', 'pValue.relation'),
			f('analysis_set', 'analysisSet'),
			f('basis', 'basis'),
			f('derivation', 'derivation'),
			f('headline', 'headline', 'boolean'),
			...provenance
		]
	},
	discrepancy: {
		fields: [
			f('id', 'id'),
			f('study', 'studyId'),
			f('items', 'itemIds', 'list'),
			f('explanation', 'explanation')
		]
	},
	safety: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('version', 'version'),
			f('population', 'population'),
			f('n', 'n', 'number')
		]
	},
	reaction: {
		parents: ['profile'],
		fields: [
			f('id', 'id'),
			f('term', 'term'),
			f('percent', 'percent', 'number'),
			f('category', 'category'),
			...provenance
		]
	},
	timeline: {
		fields: [
			f('id', 'id'),
			f('date', 'date'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			...provenance
		]
	},
	dosing: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('population', 'population'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			f('infusion_weeks', 'infusionWeeks', 'number'),
			f('rest_weeks', 'restWeeks', 'number'),
			f('cycles', 'cycles'),
			...provenance
		]
	},
	'dose-step': {
		parents: ['regimen'],
		fields: [
			f('from_day', 'fromDay', 'number'),
			f('to_day', 'toDay', 'number'),
			f('dose', 'dose', 'number'),
			f('unit', 'unit')
		]
	}
};
