/**
 * Reading older dataset files. A version-1 file (every file exported before version 2, and
 * the format the first release documented) is migrated on read, before validation, so it
 * imports unchanged; the caller tells the reader that it was migrated and what was inferred.
 *
 * What version 2 changed, and how a version-1 file is carried over:
 * - population facets are data: the fixed version-1 fields (age groups, the status field, setting,
 *   line) become the four facets of `data/formats/v1-facets.ts`;
 * - one `medicine` becomes `medicines[]` plus the dataset's `title` and `shortTitle`;
 * - an arm's free-text `treatment` becomes a reference to a shared treatment: one per
 *   distinct text, its kind inferred from the words (and said so in the migration's report);
 * - a dosing regimen's `infusionWeeks`/`restWeeks` become a continuous infusion with a cycle in days.
 * Everything else is kept as it is, unknown fields included, so the validator still reports them.
 */
import * as v from 'valibot';
import { v1Facets } from '../../../data/formats/v1-facets';
import { EvidenceMapLayoutSchema, FacetSchema, SCHEMA_VERSION } from './schema';

/** The facets version 1 fixed in code, as data (with the schema's defaults applied). */
export const VERSION_1_FACETS = v.parse(v.array(FacetSchema), v1Facets.facets);
export const VERSION_1_EVIDENCE_MAP = v.parse(EvidenceMapLayoutSchema, v1Facets.evidenceMap);

export interface Migration {
	from: number;
	to: number;
	/** Treatments made from distinct arm texts; their kinds were inferred from the words. */
	treatmentsDerived: number;
}

export interface MigrationResult {
	value: unknown;
	/** Absent when the input was already current (or not a dataset at all). */
	migration?: Migration;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
/** A list mapped item by item; anything else is kept as it is, for the validator to report. */
const mapList = (x: unknown, map: (item: unknown) => unknown): unknown =>
	Array.isArray(x) ? x.map(map) : x;

/** The schema's id rule: lower-case letters, digits and hyphens. */
export function slugId(text: string, fallback = 'item'): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || fallback;
}

/** The kind of a version-1 arm's treatment, read from its words and role. */
function inferKind(text: string, role: unknown, inn: string): string {
	if (role === 'historical-control') return 'historical-control';
	const words = text.toLowerCase();
	const hasMedicine = inn !== '' && words.includes(inn.toLowerCase());
	const withOther = /chemo|\+|\bplus\b|\badded\b|\bwith\b|\band\b/.test(words);
	if (hasMedicine) return withOther ? 'combination' : 'medicine';
	if (/placebo/.test(words)) return 'placebo';
	if (/investigator/.test(words)) return 'investigators-choice';
	if (/chemo/.test(words)) return 'chemotherapy';
	return 'standard-of-care';
}

function migratePopulation(population: unknown): unknown {
	if (!isObject(population)) return population;
	const { ageGroups, phStatus, setting, line, ...rest } = population;
	const facets: Record<string, unknown> = {};
	if (ageGroups !== undefined) facets.age = ageGroups;
	if (phStatus !== undefined) facets.ph = [phStatus];
	if (setting !== undefined) facets.setting = [setting];
	if (line !== undefined) facets.line = [line];
	return { facets, ...rest };
}

function migrateV1(input: Json): MigrationResult {
	const { medicine, schemaVersion: _version, ...rest } = input;
	void _version;
	const med = isObject(medicine) ? medicine : {};
	const name = typeof med.name === 'string' ? med.name : '';
	const inn = typeof med.inn === 'string' ? med.inn : '';
	const medicineId = slugId(inn || name, 'medicine');
	const provenance = isObject(med.provenance) ? med.provenance : undefined;

	const treatments: Json[] = [];
	const treatmentByText = new Map<string, string>();
	const studies = mapList(input.studies, (study) => {
		if (!isObject(study)) return study;
		const arms = mapList(study.arms, (arm) => {
			if (!isObject(arm) || typeof arm.treatment !== 'string') return arm;
			const { treatment, ...armRest } = arm;
			let treatmentId = treatmentByText.get(treatment);
			if (!treatmentId) {
				const base = slugId(treatment, 'treatment');
				treatmentId = base;
				for (let n = 2; treatments.some((t) => t.id === treatmentId); n++)
					treatmentId = `${base}-${n}`;
				treatmentByText.set(treatment, treatmentId);
				const kind = inferKind(treatment, arm.role, inn);
				treatments.push({
					id: treatmentId,
					label: treatment,
					kind,
					medicineIds: kind === 'medicine' || kind === 'combination' ? [medicineId] : []
				});
			}
			return { ...armRest, treatmentId, regimen: treatment };
		});
		return { ...study, arms };
	});

	const indications = mapList(input.indications, (indication) =>
		isObject(indication)
			? { ...indication, population: migratePopulation(indication.population) }
			: indication
	);

	const dosing = mapList(input.dosing, (regimen) => {
		if (!isObject(regimen)) return regimen;
		const { infusionWeeks, restWeeks, ...regimenRest } = regimen;
		const cycle =
			typeof infusionWeeks === 'number' && typeof restWeeks === 'number'
				? { treatmentDays: infusionWeeks * 7, restDays: restWeeks * 7 }
				: undefined;
		return { ...regimenRest, route: 'continuous-infusion', ...(cycle ? { cycle } : {}) };
	});

	const value: Json = {
		schemaVersion: SCHEMA_VERSION,
		title: name && inn ? `${name} (${inn})` : name || inn,
		shortTitle: name || inn,
		...rest,
		medicines: [
			{
				id: medicineId,
				...med,
				...(provenance && typeof provenance.sourceId === 'string'
					? { regulatorySourceId: provenance.sourceId }
					: {}),
				role: 'subject'
			}
		],
		treatments,
		facets: v1Facets.facets,
		evidenceMap: v1Facets.evidenceMap,
		indications,
		studies
	};
	if ('dosing' in input) value.dosing = dosing;
	return {
		value,
		migration: { from: 1, to: SCHEMA_VERSION, treatmentsDerived: treatments.length }
	};
}

/**
 * A dataset in the current format. A version-1 object is migrated; anything else (the current
 * version, a newer one, or no dataset at all) is returned as it is, for the validator to judge.
 */
export function migrateDataset(input: unknown): MigrationResult {
	if (isObject(input) && input.schemaVersion === 1) return migrateV1(input);
	return { value: input };
}
