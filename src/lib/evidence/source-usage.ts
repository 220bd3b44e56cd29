/**
 * What the dataset takes from one source: its figures grouped by study, and the other
 * statements (indication wording, timeline, medicine, safety, dosing) that cite it.
 */
import type {
	AdverseReaction,
	Arm,
	Dataset,
	DosingRegimen,
	Indication,
	SampleSize,
	Study,
	TimelineEvent
} from './schema';
import { studyResults, type LocatedResult } from './queries';

export interface StudyFigures {
	study: Study;
	results: LocatedResult[];
	sampleSizes: SampleSize[];
	/** Arms whose n this source gives. */
	arms: Arm[];
}

export interface SourceUsage {
	studies: StudyFigures[];
	indications: Indication[];
	timeline: TimelineEvent[];
	safety: AdverseReaction[];
	dosing: DosingRegimen[];
	medicine: boolean;
	/** Figures: results, sample sizes and arm sizes. */
	figureCount: number;
}

export function sourceUsage(dataset: Dataset, sourceId: string): SourceUsage {
	const cites = (p: { sourceId: string } | undefined) => p?.sourceId === sourceId;
	const studies = dataset.studies
		.map((study) => ({
			study,
			results: studyResults(dataset, study).filter((r) => cites(r.result.provenance)),
			sampleSizes: study.sampleSizes.filter((z) => cites(z.provenance)),
			arms: study.arms.filter((a) => a.n !== undefined && cites(a.provenance))
		}))
		.filter((s) => s.results.length || s.sampleSizes.length || s.arms.length);
	return {
		studies,
		indications: dataset.indications.filter((i) => cites(i.provenance)),
		timeline: dataset.timeline.filter((t) => cites(t.provenance)),
		safety: dataset.safety.flatMap((p) => p.reactions.filter((r) => cites(r.provenance))),
		dosing: dataset.dosing.filter((d) => cites(d.provenance)),
		medicine: dataset.medicines.some((m) => cites(m.provenance)),
		figureCount: studies.reduce(
			(n, s) => n + s.results.length + s.sampleSizes.length + s.arms.length,
			0
		)
	};
}

/**
 * `sourceUsage` for every source of the dataset at once, in one pass over the studies: the
 * same answer per source (same order), in linear time rather than sources × figures.
 */
export function sourceUsages(dataset: Dataset): Map<string, SourceUsage> {
	const usages = new Map<string, SourceUsage>();
	const usageOf = (sourceId: string | undefined): SourceUsage | undefined => {
		if (sourceId === undefined) return undefined;
		let usage = usages.get(sourceId);
		if (!usage) {
			usage = {
				studies: [],
				indications: [],
				timeline: [],
				safety: [],
				dosing: [],
				medicine: false,
				figureCount: 0
			};
			usages.set(sourceId, usage);
		}
		return usage;
	};
	for (const study of dataset.studies) {
		const figures = new Map<string, StudyFigures>();
		const figuresOf = (sourceId: string) => {
			let f = figures.get(sourceId);
			if (!f) figures.set(sourceId, (f = { study, results: [], sampleSizes: [], arms: [] }));
			return f;
		};
		for (const located of studyResults(dataset, study))
			if (located.result.provenance)
				figuresOf(located.result.provenance.sourceId).results.push(located);
		for (const size of study.sampleSizes)
			if (size.provenance) figuresOf(size.provenance.sourceId).sampleSizes.push(size);
		for (const arm of study.arms)
			if (arm.n !== undefined && arm.provenance) figuresOf(arm.provenance.sourceId).arms.push(arm);
		for (const [sourceId, f] of figures) {
			const usage = usageOf(sourceId)!;
			usage.studies.push(f);
			usage.figureCount += f.results.length + f.sampleSizes.length + f.arms.length;
		}
	}
	for (const i of dataset.indications) usageOf(i.provenance?.sourceId)?.indications.push(i);
	for (const t of dataset.timeline) usageOf(t.provenance?.sourceId)?.timeline.push(t);
	for (const p of dataset.safety)
		for (const r of p.reactions) usageOf(r.provenance?.sourceId)?.safety.push(r);
	for (const d of dataset.dosing) usageOf(d.provenance?.sourceId)?.dosing.push(d);
	for (const m of dataset.medicines) {
		const usage = usageOf(m.provenance?.sourceId);
		if (usage) usage.medicine = true;
	}
	// Every source has an entry, cited or not.
	for (const source of dataset.sources) usageOf(source.id);
	return usages;
}
