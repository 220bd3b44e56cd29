/**
 * Which results of a study have a Kaplan–Meier chart. Apart from km-study.ts, so that a page
 * that only asks (to choose between the KM chart and the landmark chart) does not load the
 * survival statistics and their special functions with its first JavaScript.
 */
import type { Endpoint, Result, Study } from '$lib/evidence/schema';

/** One survival endpoint of a study with curves or patient data on at least two arms' worth. */
export interface StudyKmEndpoint {
	endpoint: Endpoint;
	result: Result;
}

/** Results of the study that carry curves (with numbers at risk) or patient data. */
export function studyKmEndpoints(study: Study): StudyKmEndpoint[] {
	return study.endpoints.flatMap((endpoint) =>
		endpoint.results
			.filter(
				(r) =>
					(r.curves ?? []).some((c) => c.atRisk && c.atRisk.length > 0) ||
					(r.patientData ?? []).length > 0
			)
			.map((result) => ({ endpoint, result }))
	);
}
