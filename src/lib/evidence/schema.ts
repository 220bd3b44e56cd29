/**
 * The evidence schema: the one contract between a dataset file and every view.
 * Types are inferred from the schema so the two cannot drift apart.
 */
import * as v from 'valibot';

/** The format version this code writes. Version-1 files are migrated on read (see migrate.ts). */
export const SCHEMA_VERSION = 2;

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

/** A text in the dashboard's two languages; Dutch may be left out (English is shown then). */
export const LocalisedTextSchema = v.strictObject({ en: nonEmpty, nl: v.optional(nonEmpty) });

export const FacetValueSchema = v.strictObject({
	id,
	label: LocalisedTextSchema,
	/** A shorter label for narrow charts and chips; the label is used when absent. */
	short: v.optional(LocalisedTextSchema),
	/**
	 * The value says "any of the others" (a population not restricted on this facet): it is not
	 * offered as a filter, and an indication with it matches every filter value of the facet.
	 */
	matchesAll: v.optional(v.boolean(), false)
});

/**
 * One way the populations of a dataset differ (age group, biomarker status, line of therapy):
 * declared by the dataset, so the filters, the evidence map, the URL and the CSV follow the data.
 */
export const FacetSchema = v.strictObject({
	/** Also the URL parameter of its filter: short and stable, it is part of every shared link. */
	id,
	label: LocalisedTextSchema,
	/** Values in the order they are shown and serialised. */
	values: v.pipe(v.array(FacetValueSchema), v.minLength(1, 'a facet needs at least one value')),
	/** Whether an indication may give several values (an indication for infants and children). */
	multiple: v.optional(v.boolean(), false),
	/** Offered as a filter on the overview. */
	filter: v.optional(v.boolean(), true)
});

/** Which facets the evidence map lays out: one on the rows, one or two on the columns. */
export const EvidenceMapLayoutSchema = v.strictObject({
	rows: id,
	columns: v.pipe(v.array(id), v.minLength(1), v.maxLength(2, 'at most two column facets'))
});

export const PopulationSchema = v.strictObject({
	/** Facet id → the indication's value ids for it, one unless the facet is `multiple`. */
	facets: v.record(id, v.pipe(v.array(id), v.minLength(1, 'give at least one value'))),
	/** The age limits in words, e.g. "1 month and older". */
	age: v.optional(nonEmpty),
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
	/** What the arm receives: a treatment of the dataset, shared between studies. */
	treatmentId: id,
	/** The arm's regimen in the study's own words, where it says more than the treatment. */
	regimen: v.optional(nonEmpty),
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

/** A limit or an estimate the source could not give as a number, with the words it printed. */
export const OpenBoundSchema = v.strictObject({
	reason: v.picklist(['not-estimable', 'not-reached']),
	/** As printed: "NE", "not reached", "niet bereikt". */
	printed: nonEmpty
});

export const CiSchema = v.strictObject({
	/** null when the source prints no number for this limit; `lowOpen` then says why. */
	low: v.nullable(finite),
	high: v.nullable(finite),
	lowOpen: v.optional(OpenBoundSchema),
	highOpen: v.optional(OpenBoundSchema),
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

export const TimeUnitSchema = v.picklist(['days', 'weeks', 'months', 'years']);

/** Who digitised a published figure, from which figure and panel, with what, and when. */
export const DigitisationSchema = v.strictObject({
	/** "Figure 2, panel A". */
	figure: nonEmpty,
	by: nonEmpty,
	/** The tool and its version: "WebPlotDigitizer 4.6". */
	tool: nonEmpty,
	on: isoDate
});

const nonNegative = v.pipe(finite, v.minValue(0, 'must be ≥ 0'));

/**
 * An optional list that, when given, holds something: an empty one says nothing that leaving it
 * out does not, and the tidy CSV (one row per item) could not tell the two apart.
 */
const nonEmptyList = <T extends v.GenericSchema>(item: T) =>
	v.pipe(v.array(item), v.minLength(1, 'leave the list out rather than empty'));

/**
 * One arm's published Kaplan–Meier curve: the points read off the figure, the number-at-risk
 * table as printed below it, and the total events where the source prints them.
 */
export const SurvivalCurveSchema = v.strictObject({
	armId: id,
	timeUnit: TimeUnitSchema,
	/** How `survival` is written: 0–1 or 0–100. */
	yScale: v.picklist(['proportion', 'percent']),
	points: v.pipe(
		v.array(v.strictObject({ time: nonNegative, survival: finite })),
		v.minLength(2, 'a curve needs at least two points')
	),
	atRisk: v.optional(nonEmptyList(v.strictObject({ time: nonNegative, n: count }))),
	totalEvents: v.optional(count),
	digitisation: v.optional(DigitisationSchema),
	provenance: ProvenanceSchema
});

/** Individual patient data of one arm: published by a source, or reconstructed from a curve. */
export const PatientDataSchema = v.strictObject({
	armId: id,
	timeUnit: TimeUnitSchema,
	time: v.array(nonNegative),
	event: v.array(v.picklist([0, 1])),
	/** "published" or how it was reconstructed: "reconstructed (Guyot 2012)". */
	method: nonEmpty,
	provenance: ProvenanceSchema
});

export const ResultSchema = v.strictObject({
	id,
	/** The arm this figure describes; absent for between-arm effects and qualitative findings. */
	armId: v.optional(id),
	/** For effects (hazard ratio, difference): experimental vs comparator. */
	comparison: v.optional(v.strictObject({ experimentalArmId: id, comparatorArmId: id })),
	value: v.optional(finite),
	/** The estimate itself was not reached (a median survival), with the words printed. */
	valueOpen: v.optional(OpenBoundSchema),
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
	/** Survival endpoints: the published Kaplan–Meier curve per arm. */
	curves: v.optional(nonEmptyList(SurvivalCurveSchema)),
	/** Survival endpoints: patient-level data per arm. */
	patientData: v.optional(nonEmptyList(PatientDataSchema)),
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
	/** The study the disagreement is about; absent when it spans studies or label versions. */
	studyId: v.optional(id),
	/** Ids of results, sample sizes or adverse reactions, anywhere in the dataset, that disagree. */
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
	/** The medicine these reactions belong to; needed when the dataset holds several. */
	medicineId: v.optional(id),
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
	medicineId: v.optional(id),
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

/** How a medicine is given; the dosing chart draws a continuous infusion as a band, doses as ticks. */
export const RouteSchema = v.picklist([
	'continuous-infusion',
	'intravenous',
	'subcutaneous',
	'oral'
]);

export const DosingRegimenSchema = v.strictObject({
	id,
	medicineId: v.optional(id),
	label: nonEmpty,
	population: nonEmpty,
	indicationIds: v.optional(v.array(id), []),
	studyId: v.optional(id),
	route: RouteSchema,
	/** "once daily", "twice daily", "continuous": in words, as the source gives it. */
	frequency: v.optional(nonEmpty),
	/** One cycle: days on treatment, then days without. A continuous daily regimen has no rest. */
	cycle: v.optional(v.strictObject({ treatmentDays: positiveCount, restDays: count })),
	cycles: v.optional(nonEmpty),
	steps: v.array(DoseStepSchema),
	provenance: ProvenanceSchema
});

export const MedicineSchema = v.strictObject({
	id,
	name: nonEmpty,
	inn: nonEmpty,
	atc: v.optional(nonEmpty),
	mechanism: nonEmpty,
	/** The EU procedure number, e.g. EMEA/H/C/003731. */
	procedure: v.optional(nonEmpty),
	/** The source that authorises or describes the medicine (the regulator's overview or label). */
	regulatorySourceId: v.optional(id),
	/** subject: a medicine the dataset is about; comparator: one that appears in its comparator arms. */
	role: v.optional(v.picklist(['subject', 'comparator']), 'subject'),
	provenance: ProvenanceSchema
});

export const TreatmentKindSchema = v.picklist([
	'medicine',
	'combination',
	'chemotherapy',
	'investigators-choice',
	'standard-of-care',
	'placebo',
	'historical-control'
]);

/**
 * What an arm receives. Shared between studies, so one comparator used in two trials is
 * recognised as the same (what an anchored indirect comparison stands on).
 */
export const TreatmentSchema = v.strictObject({
	id,
	label: nonEmpty,
	kind: TreatmentKindSchema,
	/** The dataset's medicines this treatment contains (none for chemotherapy or placebo). */
	medicineIds: v.optional(v.array(id), []),
	/** The regimens in words: "FLAG, HiDAC or mitoxantrone-based, investigator's choice". */
	description: v.optional(nonEmpty)
});

/** One cell of a transitivity table: what a trial did on one dimension, with its source. */
export const TransitivityCellSchema = v.strictObject({
	text: nonEmpty,
	provenance: v.optional(ProvenanceSchema)
});

/** A dimension on which trials joined by a common comparator are compared (population, endpoint). */
export const TransitivityDimensionSchema = v.strictObject({
	id,
	label: nonEmpty,
	/** The dataset's judgement that the trials differ here; shown as a mark, never computed. */
	differs: v.boolean(),
	note: v.optional(nonEmpty),
	/** Study id → what that study did. */
	cells: v.record(id, TransitivityCellSchema)
});

/** Which two effects vs the common comparator one Bucher analysis combines. */
export const IndirectInputsSchema = v.strictObject({
	id,
	label: nonEmpty,
	/** A vs the common comparator (a between-arm result id). */
	abResultId: id,
	/** C vs the common comparator. */
	cbResultId: id
});

/** A published indirect comparison, reported as a result with its provenance. */
export const PublishedIndirectComparisonSchema = v.strictObject({
	id,
	sourceId: id,
	method: nonEmpty,
	finding: nonEmpty,
	/** Who funded it, as far as the source says. */
	funding: nonEmpty,
	provenance: ProvenanceSchema
});

/**
 * An anchored indirect comparison the dataset declares: its inputs, main analysis and
 * sensitivity analyses, the transitivity table and the caveat that goes beside the result.
 */
export const IndirectComparisonSchema = v.strictObject({
	id,
	title: nonEmpty,
	/** "Hazard ratio for death". */
	effect: nonEmpty,
	anchorTreatmentId: id,
	main: IndirectInputsSchema,
	mainReason: nonEmpty,
	sensitivity: v.optional(v.array(IndirectInputsSchema), []),
	caveat: nonEmpty,
	transitivity: v.array(TransitivityDimensionSchema),
	/** Studies with no common comparator, shown beside the comparison with the reason. */
	unanchored: v.optional(v.strictObject({ studyIds: v.array(id), reason: nonEmpty })),
	published: v.optional(v.array(PublishedIndirectComparisonSchema), []),
	disagreement: v.optional(nonEmpty)
});

export const DatasetSchema = v.strictObject({
	schemaVersion: v.literal(SCHEMA_VERSION),
	/** What the dataset is about, shown in the header and on every export: "Brandname (inn)". */
	title: nonEmpty,
	/** Short form for page titles and file names: "Brandname". */
	shortTitle: nonEmpty,
	/** Dataset version, shown on every page and export: "2025.01-1". */
	version: nonEmpty,
	/** When this version of the dataset was compiled. */
	released: isoDate,
	synthetic: v.optional(v.boolean(), false),
	medicines: v.pipe(v.array(MedicineSchema), v.minLength(1, 'name at least one medicine')),
	treatments: v.pipe(v.array(TreatmentSchema), v.minLength(1, 'name at least one treatment')),
	facets: v.pipe(v.array(FacetSchema), v.minLength(1, 'declare at least one population facet')),
	evidenceMap: v.optional(EvidenceMapLayoutSchema),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
	indications: v.pipe(v.array(IndicationSchema), v.minLength(1)),
	studies: v.pipe(v.array(StudySchema), v.minLength(1)),
	discrepancies: v.optional(v.array(DiscrepancySchema), []),
	safety: v.optional(v.array(SafetyProfileSchema), []),
	timeline: v.optional(v.array(TimelineEventSchema), []),
	dosing: v.optional(v.array(DosingRegimenSchema), []),
	/** Anchored indirect comparisons the dataset declares (none: the key is left out). */
	indirectComparisons: v.optional(v.array(IndirectComparisonSchema))
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type Population = v.InferOutput<typeof PopulationSchema>;
export type LocalisedText = v.InferOutput<typeof LocalisedTextSchema>;
export type Facet = v.InferOutput<typeof FacetSchema>;
export type FacetValue = v.InferOutput<typeof FacetValueSchema>;
export type OpenBound = v.InferOutput<typeof OpenBoundSchema>;
export type SurvivalCurve = v.InferOutput<typeof SurvivalCurveSchema>;
export type PatientData = v.InferOutput<typeof PatientDataSchema>;
export type TimeUnit = v.InferOutput<typeof TimeUnitSchema>;
export type Treatment = v.InferOutput<typeof TreatmentSchema>;
export type TreatmentKind = v.InferOutput<typeof TreatmentKindSchema>;
export type Route = v.InferOutput<typeof RouteSchema>;
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
export type IndirectComparison = v.InferOutput<typeof IndirectComparisonSchema>;
export type IndirectInputs = v.InferOutput<typeof IndirectInputsSchema>;
export type TransitivityDimension = v.InferOutput<typeof TransitivityDimensionSchema>;
/** A dataset, as the dashboard holds it after validation (defaults applied). */
export type Dataset = v.InferOutput<typeof DatasetSchema>;
/** A dataset as written in a file, before defaults are applied. */
export type DatasetInput = v.InferInput<typeof DatasetSchema>;
