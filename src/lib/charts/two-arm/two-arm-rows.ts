/**
 * Rows of the two-arm charts of a randomised study, as plain data.
 *
 * - `armPairs`: each endpoint's figures per arm, side by side, one pair per source
 *   (so the overview's 33 % vs 57 % and the publication's 31 % vs 57 % both appear);
 *   percent and months apart, since they need separate scales.
 * - `effectRows`: hazard ratios and printed differences as the sources give them, and
 *   risk differences and ratios computed from counts, arranged in panels that share a
 *   scale and a direction ("lower favours the experimental arm" or "higher").
 */
import type { Arm, Dataset, Endpoint, EndpointKind, Result, Study } from '$lib/evidence/schema';
import { discrepanciesFor, studyResults, type LocatedResult } from '$lib/evidence/queries';
import { printedDecimals, decimalsOf } from '$lib/format';
import { displayInterval, studyTwoArmEffects, type DisplayInterval } from '$lib/evidence/intervals';
import { methodName } from '$lib/stats/labels';

export interface ArmFigure {
	resultId: string;
	armId: string;
	armLabel: string;
	armRole: Arm['role'];
	value: number;
	unit: 'percent' | 'months';
	/** Decimals the source printed the value with ("4.0 months" → 1). */
	digits: number;
	approximate: boolean;
	events: number | undefined;
	total: number | undefined;
	ci: DisplayInterval | undefined;
	sourceShort: string;
	locator: string;
	dataCut: string | undefined;
	followUp: string | undefined;
	discrepancies: string[];
}

export interface ArmPair {
	key: string;
	endpointId: string;
	endpointLabel: string;
	endpointKind: EndpointKind;
	timepoint: string | undefined;
	unit: 'percent' | 'months';
	sourceId: string;
	sourceShort: string;
	experimental: ArmFigure | undefined;
	comparator: ArmFigure | undefined;
}

const PAIR_KINDS: EndpointKind[] = ['response', 'event-rate', 'landmark-survival', 'median-time'];

function armFigure(located: LocatedResult, dataset: Dataset): ArmFigure | undefined {
	const { result, arm, source } = located;
	if (!arm || result.value === undefined) return undefined;
	if (result.unit !== 'percent' && result.unit !== 'months') return undefined;
	return {
		resultId: result.id,
		armId: arm.id,
		armLabel: arm.label,
		armRole: arm.role,
		value: result.value,
		unit: result.unit,
		digits: printedDecimals(result),
		approximate: result.approximate,
		events: result.events,
		total: result.total,
		ci: displayInterval(result),
		sourceShort: source?.shortCitation ?? result.provenance.sourceId,
		locator: result.provenance.locator,
		dataCut: result.provenance.dataCut,
		followUp: result.provenance.followUp,
		discrepancies: discrepanciesFor(dataset, result.id).map((d) => d.explanation)
	};
}

/**
 * Each endpoint's figures, experimental beside comparator (a historical control counts
 * as the comparator), one pair per endpoint and source, in dataset order.
 */
export function armPairs(dataset: Dataset, study: Study): ArmPair[] {
	const pairs = new Map<string, ArmPair>();
	for (const located of studyResults(dataset, study)) {
		const { endpoint, result } = located;
		if (!PAIR_KINDS.includes(endpoint.kind)) continue;
		const figure = armFigure(located, dataset);
		if (!figure) continue;
		const key = `${endpoint.id}/${result.provenance.sourceId}/${result.timepoint?.label ?? ''}`;
		const pair = pairs.get(key) ?? {
			key,
			endpointId: endpoint.id,
			endpointLabel: endpoint.label,
			endpointKind: endpoint.kind,
			timepoint: result.timepoint?.label,
			unit: figure.unit,
			sourceId: result.provenance.sourceId,
			sourceShort: figure.sourceShort,
			experimental: undefined,
			comparator: undefined
		};
		const slot = figure.armRole === 'experimental' ? 'experimental' : 'comparator';
		if (!pair[slot]) pair[slot] = figure;
		pairs.set(key, pair);
	}
	return [...pairs.values()];
}

/** Lower is better for events and for hazards of them; higher for responses. */
export type Direction = 'lower' | 'higher' | 'unknown';

export type EffectMeasure = 'hazard-ratio' | 'risk-ratio' | 'risk-difference' | 'difference';

export interface EffectRow {
	key: string;
	measure: EffectMeasure;
	endpointLabel: string;
	estimate: number;
	/** Decimals of estimate and CI as printed; computed effects get a fixed precision. */
	digits: number;
	low: number | undefined;
	high: number | undefined;
	level: number | undefined;
	method: string | undefined;
	/** reported: printed by the source; computed: from the arms' counts by this dashboard. */
	origin: 'printed' | 'computed';
	direction: Direction;
	/** The counts behind a computed effect: experimental, comparator. */
	counts: { events: number; total: number }[] | undefined;
	resultIds: string[];
	sourceShort: string;
	locator: string;
	pValue: Result['pValue'];
	discrepancies: string[];
}

export type EffectPanelId =
	'ratio-lower' | 'ratio-higher' | 'difference-lower' | 'difference-higher' | 'difference-unknown';

export interface EffectPanel {
	id: EffectPanelId;
	scale: 'log' | 'linear';
	direction: Direction;
	rows: EffectRow[];
}

/** Decimals of a printed effect: its own, and at least those of its CI bounds ("0.17–0.70"). */
function rangeDigitsOf(result: Result): number {
	const digits = printedDecimals(result);
	if (!result.ci) return digits;
	const { low, high } = result.ci;
	return Math.max(digits, low === null ? 0 : decimalsOf(low), high === null ? 0 : decimalsOf(high));
}

function directionOf(kind: EndpointKind): Direction {
	if (kind === 'event-rate' || kind === 'hazard-ratio') return 'lower';
	if (kind === 'response' || kind === 'landmark-survival') return 'higher';
	return 'unknown';
}

/** The endpoint a printed difference is taken from: same id or label prefix, same study. */
function baseEndpoint(study: Study, endpoint: Endpoint): Endpoint | undefined {
	return study.endpoints.find(
		(e) =>
			e.id !== endpoint.id &&
			e.kind !== 'difference' &&
			(endpoint.id.startsWith(`${e.id}-`) || endpoint.label.startsWith(e.label))
	);
}

/**
 * Between-arm effects of a study: printed hazard ratios and differences, and risk
 * differences (Newcombe) and risk ratios (Wald, log) computed from pairs of arm
 * figures with counts from the same source.
 */
export function effectRows(dataset: Dataset, study: Study): EffectRow[] {
	const rows: EffectRow[] = [];
	for (const { endpoint, result, source } of studyResults(dataset, study)) {
		if (endpoint.kind !== 'hazard-ratio' && endpoint.kind !== 'difference') continue;
		if (result.value === undefined) continue;
		const base = endpoint.kind === 'difference' ? baseEndpoint(study, endpoint) : undefined;
		rows.push({
			key: result.id,
			measure: endpoint.kind === 'hazard-ratio' ? 'hazard-ratio' : 'difference',
			endpointLabel: endpoint.label,
			estimate: result.value,
			digits: rangeDigitsOf(result),
			low: result.ci?.low ?? undefined,
			high: result.ci?.high ?? undefined,
			level: result.ci?.level,
			method: result.ci?.method,
			origin: 'printed',
			direction:
				endpoint.kind === 'hazard-ratio' ? 'lower' : base ? directionOf(base.kind) : 'unknown',
			counts: undefined,
			resultIds: [result.id],
			sourceShort: source?.shortCitation ?? result.provenance.sourceId,
			locator: result.provenance.locator,
			pValue: result.pValue,
			discrepancies: discrepanciesFor(dataset, result.id).map((d) => d.explanation)
		});
	}
	for (const effect of studyTwoArmEffects(study)) {
		const endpoint = study.endpoints.find((e) => e.id === effect.endpointId);
		if (!endpoint || (endpoint.kind !== 'response' && endpoint.kind !== 'event-rate')) continue;
		const source = dataset.sources.find((s) => s.id === effect.sourceId);
		const located = studyResults(dataset, study).find(
			(r) => r.result.id === effect.experimentalResultId
		);
		const common = {
			endpointLabel: endpoint.label,
			origin: 'computed' as const,
			direction: directionOf(endpoint.kind),
			counts: [effect.experimental, effect.comparator],
			resultIds: [effect.experimentalResultId, effect.comparatorResultId],
			sourceShort: source?.shortCitation ?? effect.sourceId,
			locator: located?.result.provenance.locator ?? '',
			pValue: undefined,
			discrepancies: [effect.experimentalResultId, effect.comparatorResultId].flatMap((id) =>
				discrepanciesFor(dataset, id).map((d) => d.explanation)
			)
		};
		const key = `${effect.endpointId}/${effect.sourceId}/${effect.timepoint ?? ''}`;
		const { riskDifference: rd, riskRatio: rr } = effect.effects;
		rows.push({
			key: `${key}/rd`,
			measure: 'risk-difference',
			...common,
			// Percentage points, experimental − comparator.
			estimate: rd.estimate * 100,
			low: rd.low * 100,
			high: rd.high * 100,
			level: rd.level,
			method: methodName(rd.method),
			digits: 1
		});
		rows.push({
			key: `${key}/rr`,
			measure: 'risk-ratio',
			...common,
			estimate: rr.estimate,
			low: rr.low,
			high: rr.high,
			level: rr.level,
			method: methodName(rr.method),
			digits: 2
		});
	}
	return rows;
}

/** The effects in panels that share a scale and a direction, in a fixed order. */
export function effectPanels(rows: EffectRow[]): EffectPanel[] {
	const panelOf = (r: EffectRow): EffectPanelId => {
		const ratio = r.measure === 'hazard-ratio' || r.measure === 'risk-ratio';
		if (ratio) return r.direction === 'higher' ? 'ratio-higher' : 'ratio-lower';
		return r.direction === 'lower'
			? 'difference-lower'
			: r.direction === 'higher'
				? 'difference-higher'
				: 'difference-unknown';
	};
	const order: EffectPanelId[] = [
		'ratio-lower',
		'difference-lower',
		'ratio-higher',
		'difference-higher',
		'difference-unknown'
	];
	return order.flatMap((id) => {
		const panelRows = rows.filter((r) => panelOf(r) === id);
		if (!panelRows.length) return [];
		return [
			{
				id,
				scale: id.startsWith('ratio') ? ('log' as const) : ('linear' as const),
				direction: id.endsWith('lower') ? 'lower' : id.endsWith('higher') ? 'higher' : 'unknown',
				rows: panelRows
			}
		];
	});
}
