/**
 * What `intervals.ts` (the light side, shipped on first load) and `interval-engine.ts` (the
 * side that computes, with the statistics module) share: the shapes of displayed intervals and
 * two-arm effects, the printed-interval pass-through, and which arms of a study are compared.
 * No statistics are computed here and nothing from `../stats` is imported at run time.
 */
import type { Arm, NntResult, OutcomeDirection, RatioResult, RiskDifferenceResult } from '../stats';
import type { Endpoint, EndpointKind, OpenBound, Result, Study } from './schema';

/** An interval to show beside a figure, with where it comes from. */
export interface DisplayInterval {
	/** null: the source prints no number for this limit (`lowOpen`/`highOpen` say why). */
	low: number | null;
	high: number | null;
	lowOpen?: OpenBound;
	highOpen?: OpenBound;
	level: number;
	/** The method as printed by the source, or the name of the method we computed with. */
	method: string;
	/** 'printed': the source's own interval; 'computed': ours, from events and total. */
	origin: 'printed' | 'computed';
}

/** A computed effect with a UI label naming its method and level. */
export type Labelled<T> = T & { label: string };

/** Between-arm effects of experimental vs comparator, every one labelled with its method. */
export interface TwoArmEffects {
	/** Difference of proportions, experimental − comparator (fractions), Newcombe hybrid score. */
	riskDifference: Labelled<RiskDifferenceResult>;
	/** Risk ratio, experimental / comparator, log-scale Wald. */
	riskRatio: Labelled<RatioResult>;
	/** Odds ratio, experimental vs comparator, log-scale Wald. */
	oddsRatio: Labelled<RatioResult>;
	/** Two-sided Fisher exact test p-value, as R's `fisher.test`. */
	fisher: { p: number; method: 'fisher-exact'; label: string };
	/** Number needed to treat from the Newcombe risk difference (Altman 1998). */
	nnt: Labelled<NntResult>;
}

/** Options of `twoArmEffects`. */
export interface TwoArmOptions {
	/** Whether an event is desirable (response) or not (death, relapse); decides NNTB vs NNTH. Default 'desirable'. */
	outcome?: OutcomeDirection;
}

/** Effects of one endpoint from one source, with the ids of everything they were computed from. */
export interface StudyTwoArmEffect {
	endpointId: string;
	sourceId: string;
	experimentalArmId: string;
	comparatorArmId: string;
	experimentalResultId: string;
	comparatorResultId: string;
	/** The timepoint label both results share, when they have one. */
	timepoint?: string;
	/** Event direction assumed for the NNT, from the endpoint kind. */
	outcome: OutcomeDirection;
	experimental: Arm;
	comparator: Arm;
	effects: TwoArmEffects;
}

/** A pair of arms to compare, before the effects are computed. */
export type TwoArmPair = Omit<StudyTwoArmEffect, 'effects'>;

/** The source's own interval of a result, passed through unchanged; undefined without one. */
export function printedInterval(result: Result): DisplayInterval | undefined {
	if (!result.ci) return undefined;
	const { low, high, lowOpen, highOpen, level, method } = result.ci;
	return {
		low,
		high,
		...(lowOpen ? { lowOpen } : {}),
		...(highOpen ? { highOpen } : {}),
		level,
		method,
		origin: 'printed'
	};
}

/**
 * The counts a result's displayed interval is computed from: events and total of a result in
 * percent without a printed interval. Undefined when nothing is to be computed.
 */
export function intervalCounts(result: Result): Arm | undefined {
	if (result.ci) return undefined;
	if (result.events === undefined || result.total === undefined || result.unit !== 'percent')
		return undefined;
	return { events: result.events, total: result.total };
}

/** Key of a computed interval: it depends on the counts only (Clopper–Pearson, 95 %). */
export function proportionKey({ events, total }: Arm): string {
	return `${events}/${total}`;
}

/** Key of computed two-arm effects: they depend on the counts and the event direction only. */
export function effectsKey(experimental: Arm, comparator: Arm, outcome: OutcomeDirection): string {
	return `${experimental.events}/${experimental.total}|${comparator.events}/${comparator.total}|${outcome}`;
}

/**
 * The event direction assumed for an endpoint kind: an 'event-rate' counts harms (relapse,
 * death, adverse events); response and survival count good outcomes.
 */
export function outcomeDirection(kind: EndpointKind): OutcomeDirection {
	return kind === 'event-rate' ? 'undesirable' : 'desirable';
}

type CountedResult = Result & { armId: string; events: number; total: number };

function isCounted(result: Result): result is CountedResult {
	return result.armId !== undefined && result.events !== undefined && result.total !== undefined;
}

/** Results are comparable when they come from the same source at the same timepoint. */
function matchKey(result: Result): string {
	const t = result.timepoint;
	return `${result.provenance.sourceId}|${t ? `${t.value} ${t.unit}` : ''}`;
}

function endpointPairs(study: Study, endpoint: Endpoint): TwoArmPair[] {
	const role = new Map(study.arms.map((arm) => [arm.id, arm.role]));
	const counted = endpoint.results.filter(isCounted);
	const experimental = counted.filter((r) => role.get(r.armId) === 'experimental');
	const comparator = counted.filter((r) => role.get(r.armId) === 'comparator');
	const outcome = outcomeDirection(endpoint.kind);
	const pairs: TwoArmPair[] = [];
	for (const e of experimental)
		for (const c of comparator) {
			if (matchKey(e) !== matchKey(c)) continue;
			pairs.push({
				endpointId: endpoint.id,
				sourceId: e.provenance.sourceId,
				experimentalArmId: e.armId,
				comparatorArmId: c.armId,
				experimentalResultId: e.id,
				comparatorResultId: c.id,
				...(e.timepoint ? { timepoint: e.timepoint.label } : {}),
				outcome,
				experimental: { events: e.events, total: e.total },
				comparator: { events: c.events, total: c.total }
			});
		}
	return pairs;
}

/**
 * Every endpoint of a study where an experimental-role arm and a comparator-role arm both have
 * a result with events and total from the same source (and the same timepoint, when one is
 * given). Historical controls are not compared. Mixing sources is never done: each pair names
 * the one source both counts come from.
 */
export function studyTwoArmPairs(study: Study): TwoArmPair[] {
	return study.endpoints.flatMap((endpoint) => endpointPairs(study, endpoint));
}
