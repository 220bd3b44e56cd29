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
