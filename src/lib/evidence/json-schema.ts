/**
 * The dataset format as a JSON Schema, generated from the valibot schema of `schema.ts`, so
 * other tools can check a file the way the dashboard does before they send it. It is
 * published with the site at {@link DATASET_SCHEMA_PATH}; a test validates the embedded
 * dataset and the examples against it with ajv.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
	ArmSchema,
	CiSchema,
	DatasetSchema,
	DiscrepancySchema,
	DosingRegimenSchema,
	EndpointSchema,
	FacetSchema,
	IndicationSchema,
	IndirectComparisonSchema,
	LocalisedTextSchema,
	MedicineSchema,
	OpenBoundSchema,
	PatientDataSchema,
	ProvenanceSchema,
	ResultSchema,
	SafetyProfileSchema,
	SCHEMA_VERSION,
	SourceSchema,
	StudySchema,
	SurvivalCurveSchema,
	TimelineEventSchema,
	TreatmentSchema
} from './schema';
import { DATASET_SCHEMA_PATH } from './schema-url';

export { DATASET_SCHEMA_PATH };

/**
 * What a JSON Schema validator cannot check and the dashboard's own validator does. Said in the
 * schema's description, so nobody takes "valid against the schema" for "imports".
 */
export const NOT_IN_JSON_SCHEMA = [
	'Text fields are trimmed before they are checked: a text of only spaces is refused (here: the pattern "\\S").',
	'"url" is checked with the WHATWG URL parser and must start with https:// or http://; "format": "uri" approximates the first part.',
	'Numbers must be finite; JSON has no other numbers, so no keyword is needed.',
	'References resolve: arms, indications, sources, studies, medicines, treatments, facets and their values, discrepancy items.',
	'Ids are unique within their list (results and sample sizes across the whole dataset).',
	'Each indication gives a value for every facet, one unless the facet is "multiple"; the evidence map names declared facets.',
	'Arithmetic: events ≤ total; a percentage matches events/total within 0.5 points.',
	'Intervals: a CI contains its estimate, low ≤ high, and a null limit says why (lowOpen/highOpen) while a number does not.',
	"Survival curves: times ascend, survival does not increase and stays within [0, 1] or [0, 100], numbers at risk do not increase, the first equals the arm's n unless a discrepancy explains it; patient data give one event flag per time.",
	'Derived and computed figures say how (derivation); a figure from a source stored verbatim quotes it and the quote contains the figure as printed.',
	'A JSON text with a duplicate key or a __proto__, constructor or prototype key is refused before the schema is applied.',
	'Version-1 files (schemaVersion 1) do not pass this schema: the dashboard migrates them on read.'
] as const;

/** Named parts, so the schema reads as the format does (`#/$defs/Result`) instead of one deep tree. */
const DEFINITIONS: Record<string, v.GenericSchema> = {
	LocalisedText: LocalisedTextSchema,
	Provenance: ProvenanceSchema,
	OpenBound: OpenBoundSchema,
	Ci: CiSchema,
	Source: SourceSchema,
	Medicine: MedicineSchema,
	Treatment: TreatmentSchema,
	Facet: FacetSchema,
	Indication: IndicationSchema,
	Arm: ArmSchema,
	SurvivalCurve: SurvivalCurveSchema,
	PatientData: PatientDataSchema,
	Result: ResultSchema,
	Endpoint: EndpointSchema,
	Study: StudySchema,
	Discrepancy: DiscrepancySchema,
	SafetyProfile: SafetyProfileSchema,
	TimelineEvent: TimelineEventSchema,
	DosingRegimen: DosingRegimenSchema,
	IndirectComparison: IndirectComparisonSchema
};

/**
 * Marks the schema of a string that was just trimmed, while the converter goes down its pipe
 * (it copies the object at each action, symbols included). After a trim, "at least one
 * character" means "not blank", which JSON Schema says as the pattern `\S`.
 */
const TRIMMED = Symbol('trimmed');

let cached: JsonSchema | undefined;

/**
 * The JSON Schema (draft-07) of a dataset file in the current format: what a file may contain
 * before defaults are applied. Throws if the valibot schema gains a check with no
 * JSON Schema form that is not accounted for here, so the published schema cannot drift silently.
 */
export function datasetJsonSchema(
	/** Where the file is published: the site's base path plus {@link DATASET_SCHEMA_PATH}. */
	id: string = DATASET_SCHEMA_PATH
): JsonSchema {
	if (cached?.$id === id) return cached;
	const converted = toJsonSchema(DatasetSchema, {
		target: 'draft-07',
		errorMode: 'throw',
		definitions: DEFINITIONS,
		overrideAction: ({ valibotAction, jsonSchema }) => {
			if (valibotAction.type === 'trim') {
				return { ...jsonSchema, [TRIMMED]: true };
			}
			// JSON numbers are all finite: nothing to add.
			if (valibotAction.type === 'finite') return { ...jsonSchema };
			if (valibotAction.type === 'min_length' && TRIMMED in jsonSchema) {
				if (
					jsonSchema.pattern !== undefined ||
					(valibotAction as { requirement?: unknown }).requirement !== 1
				)
					throw new Error('a trimmed text with another rule: say it in JSON Schema here');
				return { ...jsonSchema, pattern: '\\S' };
			}
			return undefined;
		}
	});
	// A plain JSON value: drops the markers, and is what the site serves.
	const { $schema, ...rest } = JSON.parse(JSON.stringify(converted)) as JsonSchema;
	cached = {
		$schema,
		$id: id,
		title: `Trial-evidence dataset, format version ${SCHEMA_VERSION}`,
		description: [
			`A dataset file of the trial-evidence dashboard (schemaVersion ${SCHEMA_VERSION}), generated from its valibot schema.`,
			'Passing this schema is necessary, not sufficient: the dashboard also checks what JSON Schema cannot express.',
			...NOT_IN_JSON_SCHEMA.map((rule) => `- ${rule}`)
		].join('\n'),
		...rest
	};
	return cached;
}
