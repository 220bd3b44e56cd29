/**
 * Wiring between the evidence schema and the statistics module: which interval a result shows,
 * and the between-arm effects computed from two arms' events and totals.
 */
import {
	fisherExact,
	methodLabel,
	methodName,
	numberNeededToTreat,
	oddsRatio,
	proportionCI,
	riskDifference,
	riskRatio,
	type Arm,
	type NntResult,
	type OutcomeDirection,
	type RatioResult,
	type RiskDifferenceResult
} from '../stats';
import type { Endpoint, EndpointKind, Result, Study } from './schema';

/** An interval to show beside a figure, with where it comes from. */
export interface DisplayInterval {
	low: number;
	high: number;
	level: number;
	/** The method as printed by the source, or the name of the method we computed with. */
	method: string;
	/** 'printed': the source's own interval; 'computed': ours, from events and total. */
	origin: 'printed' | 'computed';
}

/**
 * The interval to display for a result. A printed interval always wins and is passed through
 * unchanged; otherwise a result with events, total and unit 'percent' gets a Clopper–Pearson 95 %
 * interval in percent (Clopper & Pearson 1934), marked as computed. Anything else: undefined.
 *
 * @throws {StatsInputError} when events and total are inconsistent (the validator rejects such data).
 */
export function displayInterval(result: Result): DisplayInterval | undefined {
	if (result.ci) {
		const { low, high, level, method } = result.ci;
		return { low, high, level, method, origin: 'printed' };
	}
	if (result.events !== undefined && result.total !== undefined && result.unit === 'percent') {
		const ci = proportionCI(result.events, result.total, {
			method: 'clopper-pearson',
			level: 0.95
		});
		return {
			low: 100 * ci.low,
			high: 100 * ci.high,
			level: ci.level,
			method: methodName('clopper-pearson'),
			origin: 'computed'
		};
	}
	return undefined;
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

/** Options of {@link twoArmEffects}. */
export interface TwoArmOptions {
	/** Whether an event is desirable (response) or not (death, relapse); decides NNTB vs NNTH. Default 'desirable'. */
	outcome?: OutcomeDirection;
}

/**
 * Risk difference (Newcombe 1998, method 10), risk ratio and odds ratio (log-scale Wald),
 * Fisher's exact p and the NNT (Altman 1998) for experimental vs comparator, all at 95 %.
 *
 * @throws {StatsInputError} for invalid counts.
 */
export function twoArmEffects(
	experimental: Arm,
	comparator: Arm,
	{ outcome = 'desirable' }: TwoArmOptions = {}
): TwoArmEffects {
	const rd = riskDifference(experimental, comparator, { method: 'newcombe', level: 0.95 });
	const rr = riskRatio(experimental, comparator, { level: 0.95 });
	const or = oddsRatio(experimental, comparator, { level: 0.95 });
	const nnt = numberNeededToTreat(rd, { outcome });
	return {
		riskDifference: { ...rd, label: methodLabel(rd.method, rd.level) },
		riskRatio: { ...rr, label: methodLabel(rr.method, rr.level) },
		oddsRatio: { ...or, label: methodLabel(or.method, or.level) },
		fisher: {
			p: fisherExact(experimental, comparator),
			method: 'fisher-exact',
			label: 'Fisher exact test, two-sided'
		},
		nnt: { ...nnt, label: `Altman, from ${methodLabel(rd.method, rd.level)}` }
	};
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

function endpointEffects(study: Study, endpoint: Endpoint): StudyTwoArmEffect[] {
	const role = new Map(study.arms.map((arm) => [arm.id, arm.role]));
	const counted = endpoint.results.filter(isCounted);
	const experimental = counted.filter((r) => role.get(r.armId) === 'experimental');
	const comparator = counted.filter((r) => role.get(r.armId) === 'comparator');
	const outcome = outcomeDirection(endpoint.kind);
	const effects: StudyTwoArmEffect[] = [];
	for (const e of experimental)
		for (const c of comparator) {
			if (matchKey(e) !== matchKey(c)) continue;
			const exp = { events: e.events, total: e.total };
			const comp = { events: c.events, total: c.total };
			effects.push({
				endpointId: endpoint.id,
				sourceId: e.provenance.sourceId,
				experimentalArmId: e.armId,
				comparatorArmId: c.armId,
				experimentalResultId: e.id,
				comparatorResultId: c.id,
				...(e.timepoint ? { timepoint: e.timepoint.label } : {}),
				outcome,
				experimental: exp,
				comparator: comp,
				effects: twoArmEffects(exp, comp, { outcome })
			});
		}
	return effects;
}

/**
 * Between-arm effects for every endpoint of a study where an experimental-role arm and a
 * comparator-role arm both have a result with events and total from the same source (and the
 * same timepoint, when one is given). Historical controls are not compared. Mixing sources is
 * never done: each effect names the one source both counts come from.
 */
export function studyTwoArmEffects(study: Study): StudyTwoArmEffect[] {
	return study.endpoints.flatMap((endpoint) => endpointEffects(study, endpoint));
}
