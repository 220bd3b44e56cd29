/**
 * Regulatory and evidence timeline as plain data: each event on a lane, its date as the
 * period the source's precision allows (a day, a month or a whole year), labels stacked
 * into levels so none overlaps, and re-examinations (a negative opinion followed by a
 * positive one for the same indication) paired up.
 */
import type { TimelineEvent } from '$lib/evidence/schema';
import type { MarkShape } from '../encoding';
import type { TidyRow } from '../spec';

export type TimelineKind = TimelineEvent['kind'];
export type Lane = 'regulatory' | 'evidence';
export const LANES: readonly Lane[] = ['regulatory', 'evidence'];

export function laneOf(kind: TimelineKind): Lane {
	return kind === 'study-readout' || kind === 'publication' ? 'evidence' : 'regulatory';
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateSpan {
	precision: DatePrecision;
	/** First moment of the period (UTC). */
	start: Date;
	/** First moment after the period (UTC). */
	end: Date;
	/** Where the marker goes: the day itself, or the middle of the month or year. */
	at: Date;
}

/** The period an ISO date at its own precision stands for: 2015 → all of 2015. */
export function dateSpan(iso: string): DateSpan {
	const [year, month, day] = iso.split('-').map(Number);
	if (day) {
		const start = new Date(Date.UTC(year, month - 1, day));
		return {
			precision: 'day',
			start,
			end: new Date(Date.UTC(year, month - 1, day + 1)),
			at: start
		};
	}
	const start = new Date(Date.UTC(year, (month || 1) - 1, 1));
	const end = month ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(year + 1, 0, 1));
	return {
		precision: month ? 'month' : 'year',
		start,
		end,
		at: new Date((start.getTime() + end.getTime()) / 2)
	};
}

export interface TimelineItem {
	event: TimelineEvent;
	lane: Lane;
	span: DateSpan;
}

/** Events with lane and date span, in date order (then lane, then dataset order). */
export function timelineItems(events: TimelineEvent[]): TimelineItem[] {
	return events
		.map((event, i) => ({ event, lane: laneOf(event.kind), span: dateSpan(event.date), i }))
		.sort(
			(a, b) =>
				a.span.at.getTime() - b.span.at.getTime() ||
				LANES.indexOf(a.lane) - LANES.indexOf(b.lane) ||
				a.i - b.i
		)
		.map(({ event, lane, span }) => ({ event, lane, span }));
}

/** Whole years around the events: [1 January of the first year, 1 January after the last]. */
export function timeDomain(items: TimelineItem[]): [Date, Date] {
	if (!items.length) {
		const y = new Date().getUTCFullYear();
		return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1))];
	}
	const first = Math.min(...items.map((i) => i.span.start.getUTCFullYear()));
	const last = Math.max(...items.map((i) => new Date(i.span.end.getTime() - 1).getUTCFullYear()));
	return [new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last + 1, 0, 1))];
}

export interface LabelInput {
	key: string;
	/** Marker position (px). */
	x: number;
	/** Label text width (px). */
	width: number;
}

export interface PlacedLabel {
	key: string;
	/** 0 is the level nearest the baseline. */
	level: number;
	/** Horizontal extent of marker and label together. */
	x0: number;
	x1: number;
	/** Label to the right of the marker (start) or to its left (end). */
	anchor: 'start' | 'end';
	/** Where the label text is anchored. */
	textX: number;
	/** Width left for the text: less than asked when it fitted on neither side. */
	width: number;
}

/**
 * Simple collision avoidance: each label sits beside its marker, to the right unless it
 * would run past `max`, then to the left; if neither fits, on the roomier side, shortened. Labels are
 * then stacked greedily into the lowest level where they clear every earlier label by
 * `gap`. Markers share their label's level, so events on the same date never overlap.
 */
export function stackLabels(
	labels: LabelInput[],
	opts: { min: number; max: number; gap: number; marker: number }
): { placed: PlacedLabel[]; levels: number } {
	const { min, max, gap, marker } = opts;
	const boxes = labels.map((l) => {
		const right = { x0: l.x - marker, x1: l.x + marker + l.width, anchor: 'start' as const };
		if (right.x1 <= max) return { ...l, ...right, textX: l.x + marker };
		const left = { x0: l.x - marker - l.width, x1: l.x + marker, anchor: 'end' as const };
		if (left.x0 >= min) return { ...l, ...left, textX: l.x - marker };
		// Neither side fits: take the roomier side and shorten the label to it.
		const roomRight = max - l.x - marker;
		const roomLeft = l.x - marker - min;
		return roomRight >= roomLeft
			? {
					...l,
					width: roomRight,
					x0: l.x - marker,
					x1: max,
					anchor: 'start' as const,
					textX: l.x + marker
				}
			: {
					...l,
					width: roomLeft,
					x0: min,
					x1: l.x + marker,
					anchor: 'end' as const,
					textX: l.x - marker
				};
	});
	const order = boxes.map((b, i) => ({ b, i })).sort((a, b) => a.b.x0 - b.b.x0 || a.i - b.i);
	const levelEnds: number[] = [];
	const placed = new Array<PlacedLabel>(labels.length);
	for (const { b, i } of order) {
		let level = levelEnds.findIndex((end) => end + gap <= b.x0);
		if (level < 0) {
			level = levelEnds.length;
			levelEnds.push(b.x1);
		} else levelEnds[level] = b.x1;
		placed[i] = {
			key: b.key,
			level,
			x0: b.x0,
			x1: b.x1,
			anchor: b.anchor,
			textX: b.textX,
			width: b.width
		};
	}
	return { placed, levels: levelEnds.length };
}

/**
 * Re-examinations: each negative opinion paired with the first later positive CHMP opinion
 * that names one of its indications.
 */
export function reexaminations(events: TimelineEvent[]): { from: string; to: string }[] {
	const items = timelineItems(events);
	return items.flatMap(({ event, span }) => {
		if (event.kind !== 'negative-opinion' || !event.indicationIds.length) return [];
		const next = items.find(
			(other) =>
				other.event.kind === 'chmp-opinion' &&
				other.span.start.getTime() > span.start.getTime() &&
				other.event.indicationIds.some((id) => event.indicationIds.includes(id))
		);
		return next ? [{ from: event.id, to: next.event.id }] : [];
	});
}

/** One tidy row per event: its date as the source gives it, lane, kind and source. */
export function timelineTidyRows(
	items: TimelineItem[],
	lookups: {
		studyName: (id: string) => string;
		indicationLabel: (id: string) => string;
		sourceCitation: (id: string) => string;
		laneLabel: (lane: Lane) => string;
		kindLabel: (kind: TimelineKind) => string;
	}
): TidyRow[] {
	return items.map(({ event, lane }) => ({
		study: event.studyId ? lookups.studyName(event.studyId) : '',
		indication: event.indicationIds.map(lookups.indicationLabel).join('; '),
		arm: lookups.laneLabel(lane),
		endpoint: `${lookups.kindLabel(event.kind)}: ${event.label}`,
		timepoint: event.date,
		value: null,
		unit: '',
		events: null,
		total: null,
		ciLow: null,
		ciHigh: null,
		ciLevel: null,
		ciMethod: '',
		basis: 'reported',
		source: lookups.sourceCitation(event.provenance.sourceId),
		locator: event.provenance.locator,
		dataCut: event.provenance.dataCut ?? ''
	}));
}

/** Legend order of the kinds. */
export const KIND_ORDER: readonly TimelineKind[] = [
	'orphan-designation',
	'chmp-opinion',
	'negative-opinion',
	'conditional-authorisation',
	'full-authorisation',
	'indication-extension',
	'study-readout',
	'publication'
];

/** Shape of an event kind: the colour-free cue. Authorisations are squares, opinions circles. */
export function kindShape(kind: TimelineKind): MarkShape {
	switch (kind) {
		case 'orphan-designation':
			return 'diamond';
		case 'negative-opinion':
			return 'triangle';
		case 'conditional-authorisation':
		case 'full-authorisation':
		case 'indication-extension':
		case 'publication':
			return 'square';
		default:
			return 'circle';
	}
}

/** Colour of an event kind, from Paul Tol's palette in the theme. */
export function kindColor(kind: TimelineKind): string {
	switch (kind) {
		case 'orphan-designation':
			return 'var(--tol-purple)';
		case 'negative-opinion':
			return 'var(--tol-red)';
		case 'conditional-authorisation':
		case 'full-authorisation':
		case 'indication-extension':
			return 'var(--tol-green)';
		case 'study-readout':
		case 'publication':
			return 'var(--muted)';
		default:
			return 'var(--tol-blue)';
	}
}

export type KindGroup =
	'orphan' | 'opinion' | 'negative' | 'authorisation' | 'readout' | 'publication';

/** Kinds that share an encoding share a legend entry. */
export function kindGroup(kind: TimelineKind): KindGroup {
	switch (kind) {
		case 'orphan-designation':
			return 'orphan';
		case 'chmp-opinion':
			return 'opinion';
		case 'negative-opinion':
			return 'negative';
		case 'study-readout':
			return 'readout';
		case 'publication':
			return 'publication';
		default:
			return 'authorisation';
	}
}
