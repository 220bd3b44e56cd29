/**
 * The evidence schema: the one contract between a dataset file and every view.
 * Types are inferred from the schema so the two cannot drift apart.
 */
import * as v from 'valibot';

export const SCHEMA_VERSION = 1;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const id = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens')
);
/** ISO date at the precision the source gives: 2015-11-23, 2025-01 or 2017. */
const isoDate = v.pipe(
	v.string(),
	v.regex(
		/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
		'must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'
	)
);
const finite = v.pipe(v.number(), v.finite('must be a finite number'));
const count = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0'));
const positiveCount = v.pipe(
	v.number(),
	v.integer('must be a positive integer'),
	v.minValue(1, 'must be a positive integer')
);

export const SourceKindSchema = v.picklist(['regulatory', 'publication', 'registry', 'label']);

export const SourceSchema = v.strictObject({
	id,
	kind: SourceKindSchema,
	/** Short form for chart footers: "EMA overview EMA/597147/2024", "Topp 2015". */
	shortCitation: nonEmpty,
	/** Full citation, as an analyst would put it in a reference list. */
	citation: nonEmpty,
	publisher: v.optional(nonEmpty),
	language: v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be a two-letter language code')),
	/** Publication or last-update date; absent when the source's date is not known (shown as such). */
	date: v.optional(isoDate),
	url: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
	doi: v.optional(nonEmpty),
	pmid: v.optional(nonEmpty),
	pmcid: v.optional(nonEmpty),
	registryId: v.optional(nonEmpty),
	/** Stored verbatim text under data/sources/. When set, every figure needs a quote from it. */
	file: v.optional(nonEmpty),
	/** Copyright or reproduction notice of the stored text. */
	notice: v.optional(nonEmpty)
});

export const ProvenanceSchema = v.strictObject({
	sourceId: id,
	/** Where in the source: section, table, page, paragraph. */
	locator: nonEmpty,
	/** Verbatim words of the source, in its own language. Required for sources with a stored file. */
	quote: v.optional(nonEmpty),
	/** English gloss of a quote that is not in English. */
	gloss: v.optional(nonEmpty),
	/** Data cut-off, ISO date or words ("final analysis"). */
	dataCut: v.optional(nonEmpty),
	followUp: v.optional(nonEmpty)
});

export const AgeGroupSchema = v.picklist(['adult', 'child', 'infant']);
export const PhStatusSchema = v.picklist(['negative', 'positive', 'any']);
export const SettingSchema = v.picklist([
	'relapsed-refractory',
	'minimal-residual-disease',
	'consolidation'
]);
export const LineSchema = v.picklist([
	'newly-diagnosed',
	'first-relapse',
	'relapsed-refractory',
	'any'
]);

export const PopulationSchema = v.strictObject({
	ageGroups: v.pipe(v.array(AgeGroupSchema), v.minLength(1, 'name at least one age group')),
	/** The age limits in words, e.g. "1 month and older". */
	age: nonEmpty,
	phStatus: PhStatusSchema,
	setting: SettingSchema,
	line: LineSchema,
	description: nonEmpty
});

export const IndicationSchema = v.strictObject({
	id,
	label: nonEmpty,
	population: PopulationSchema,
	/** The words of the regulatory source that state this indication. */
	provenance: ProvenanceSchema
});

export const ArmSchema = v.strictObject({
	id,
	label: nonEmpty,
	treatment: nonEmpty,
	role: v.picklist(['experimental', 'comparator', 'historical-control']),
	n: v.optional(positiveCount),
	provenance: v.optional(ProvenanceSchema)
});

export const SampleSizeSchema = v.strictObject({
	id,
	kind: v.picklist(['enrolled', 'randomised', 'treated', 'evaluable', 'reported']),
	label: nonEmpty,
	value: positiveCount,
	basis: v.optional(v.picklist(['reported', 'derived']), 'reported'),
	derivation: v.optional(nonEmpty),
	printed: v.optional(nonEmpty),
	provenance: ProvenanceSchema
});

export const CiSchema = v.strictObject({
	low: finite,
	high: finite,
	level: v.pipe(v.number(), v.gtValue(0), v.ltValue(1, 'must be a fraction such as 0.95')),
	/** Method as printed; "not stated" when the source does not say. */
	method: nonEmpty
});

export const UnitSchema = v.picklist(['percent', 'months', 'ratio', 'percentage-points', 'none']);

export const TimepointSchema = v.strictObject({
	value: finite,
	unit: v.picklist(['weeks', 'months', 'years', 'cycles']),
	label: nonEmpty
});

export const ResultSchema = v.strictObject({
	id,
	/** The arm this figure describes; absent for between-arm effects and qualitative findings. */
	armId: v.optional(id),
	/** For effects (hazard ratio, difference): experimental vs comparator. */
	comparison: v.optional(v.strictObject({ experimentalArmId: id, comparatorArmId: id })),
	value: v.optional(finite),
	unit: UnitSchema,
	/** "ongeveer 82 %": the source gives an approximate figure. */
	approximate: v.optional(v.boolean(), false),
	/** The figure as printed in the quote, e.g. "43 %", "zes maanden". */
	printed: v.optional(nonEmpty),
	/** Qualitative finding in words (PK statements, literature support). */
	text: v.optional(nonEmpty),
	events: v.optional(count),
	total: v.optional(positiveCount),
	ci: v.optional(CiSchema),
	pValue: v.optional(v.strictObject({ value: finite, relation: v.picklist(['=', '<']) })),
	timepoint: v.optional(TimepointSchema),
	/** Analysis set in words when it differs from the arm: "185 evaluable (FDA)". */
	analysisSet: v.optional(nonEmpty),
	/** reported: printed by the source; computed: by our stats module; derived: reasoned from other figures. */
	basis: v.picklist(['reported', 'computed', 'derived']),
	derivation: v.optional(nonEmpty),
	/** One of the study's headline figures, shown on the overview. */
	headline: v.optional(v.boolean(), false),
	provenance: ProvenanceSchema
});

export const EndpointKindSchema = v.picklist([
	'response',
	'event-rate',
	'landmark-survival',
	'median-time',
	'hazard-ratio',
	'difference',
	'qualitative'
]);

export const EndpointSchema = v.strictObject({
	id,
	kind: EndpointKindSchema,
	label: nonEmpty,
	definition: nonEmpty,
	primary: v.optional(v.boolean(), false),
	results: v.pipe(v.array(ResultSchema), v.minLength(1, 'an endpoint needs at least one result'))
});

export const DesignSchema = v.picklist([
	'single-arm',
	'randomised',
	'historical-control',
	'pharmacokinetic'
]);

export const StudySchema = v.strictObject({
	id,
	name: nonEmpty,
	/** Sponsor code, e.g. MT103-211. */
	code: v.optional(nonEmpty),
	registryId: v.optional(nonEmpty),
	phase: v.optional(nonEmpty),
	design: DesignSchema,
	/** "open-label, 2:1", in words. */
	designDetail: v.optional(nonEmpty),
	indicationIds: v.pipe(v.array(id), v.minLength(1, 'link at least one indication')),
	population: nonEmpty,
	inclusion: v.optional(v.array(nonEmpty)),
	dosing: v.optional(nonEmpty),
	arms: v.pipe(v.array(ArmSchema), v.minLength(1, 'a study needs at least one arm')),
	sampleSizes: v.optional(v.array(SampleSizeSchema), []),
	endpoints: v.array(EndpointSchema),
	sourceIds: v.pipe(v.array(id), v.minLength(1, 'cite at least one source')),
	notes: v.optional(v.array(nonEmpty), []),
	provenance: ProvenanceSchema
});

export const DiscrepancySchema = v.strictObject({
	id,
	studyId: id,
	/** Result or sample-size ids whose sources disagree. */
	itemIds: v.pipe(v.array(id), v.minLength(2, 'a discrepancy needs at least two items')),
	explanation: nonEmpty
});

export const AdverseReactionSchema = v.strictObject({
	id,
	term: nonEmpty,
	percent: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(100))),
	category: v.picklist(['most-serious', 'most-common', 'very-common']),
	provenance: ProvenanceSchema
});

export const SafetyProfileSchema = v.strictObject({
	id,
	label: nonEmpty,
	/** The label version the frequencies come from, e.g. "EU SmPC section 4.8 (current)". */
	version: nonEmpty,
	population: nonEmpty,
	n: v.optional(positiveCount),
	reactions: v.pipe(v.array(AdverseReactionSchema), v.minLength(1))
});

export const TimelineEventSchema = v.strictObject({
	id,
	date: isoDate,
	kind: v.picklist([
		'orphan-designation',
		'chmp-opinion',
		'conditional-authorisation',
		'full-authorisation',
		'indication-extension',
		'negative-opinion',
		'study-readout',
		'publication'
	]),
	label: nonEmpty,
	indicationIds: v.optional(v.array(id), []),
	studyId: v.optional(id),
	provenance: ProvenanceSchema
});

export const DoseStepSchema = v.strictObject({
	fromDay: positiveCount,
	toDay: positiveCount,
	dose: v.pipe(finite, v.gtValue(0)),
	unit: nonEmpty
});

export const DosingRegimenSchema = v.strictObject({
	id,
	label: nonEmpty,
	population: nonEmpty,
	indicationIds: v.optional(v.array(id), []),
	studyId: v.optional(id),
	infusionWeeks: positiveCount,
	restWeeks: count,
	cycles: v.optional(nonEmpty),
	steps: v.array(DoseStepSchema),
	provenance: ProvenanceSchema
});

export const MedicineSchema = v.strictObject({
	name: nonEmpty,
	inn: nonEmpty,
	atc: v.optional(nonEmpty),
	mechanism: nonEmpty,
	/** The EMA procedure number, e.g. EMEA/H/C/003731. */
	procedure: v.optional(nonEmpty),
	provenance: ProvenanceSchema
});

export const DatasetSchema = v.strictObject({
	schemaVersion: v.literal(SCHEMA_VERSION),
	/** Dataset version, shown on every page and export: "2025.01-1". */
	version: nonEmpty,
	/** When this version of the dataset was compiled. */
	released: isoDate,
	synthetic: v.optional(v.boolean(), false),
	medicine: MedicineSchema,
	sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
	indications: v.pipe(v.array(IndicationSchema), v.minLength(1)),
	studies: v.pipe(v.array(StudySchema), v.minLength(1)),
	discrepancies: v.optional(v.array(DiscrepancySchema), []),
	safety: v.optional(v.array(SafetyProfileSchema), []),
	timeline: v.optional(v.array(TimelineEventSchema), []),
	dosing: v.optional(v.array(DosingRegimenSchema), [])
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type Population = v.InferOutput<typeof PopulationSchema>;
export type AgeGroup = v.InferOutput<typeof AgeGroupSchema>;
export type PhStatus = v.InferOutput<typeof PhStatusSchema>;
export type Setting = v.InferOutput<typeof SettingSchema>;
export type Indication = v.InferOutput<typeof IndicationSchema>;
export type Arm = v.InferOutput<typeof ArmSchema>;
export type SampleSize = v.InferOutput<typeof SampleSizeSchema>;
export type Ci = v.InferOutput<typeof CiSchema>;
export type Result = v.InferOutput<typeof ResultSchema>;
export type EndpointKind = v.InferOutput<typeof EndpointKindSchema>;
export type Endpoint = v.InferOutput<typeof EndpointSchema>;
export type Design = v.InferOutput<typeof DesignSchema>;
export type Study = v.InferOutput<typeof StudySchema>;
export type Discrepancy = v.InferOutput<typeof DiscrepancySchema>;
export type AdverseReaction = v.InferOutput<typeof AdverseReactionSchema>;
export type SafetyProfile = v.InferOutput<typeof SafetyProfileSchema>;
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;
export type DosingRegimen = v.InferOutput<typeof DosingRegimenSchema>;
export type Medicine = v.InferOutput<typeof MedicineSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
/** A dataset as written in a file, before defaults are applied. */
export type DatasetInput = v.InferInput<typeof DatasetSchema>;
