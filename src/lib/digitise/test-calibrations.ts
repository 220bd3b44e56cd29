/**
 * Calibrations shared by the digitiser tests: straight axes whose references sit at the
 * plot's origin (value 0) and at the end of each axis.
 */
import type { Calibration, TimeUnit, YScale } from './calibration';

/**
 * Axes from the pixel `origin` (time 0, survival 0) to `timeEnd` px reading `time`, and up to
 * `survivalTop` px reading `survival` (100 in percent, 1 as a proportion).
 */
function straightAxes(
	origin: { x: number; y: number },
	end: { timeEnd: number; time: number; survivalTop: number; survival: number },
	yScale: YScale,
	timeUnit: TimeUnit
): Calibration {
	return {
		x1: { ...origin, value: 0 },
		x2: { x: end.timeEnd, y: origin.y, value: end.time },
		y1: { ...origin, value: 0 },
		y2: { x: origin.x, y: end.survivalTop, value: end.survival },
		yScale,
		timeUnit
	};
}

/** 0–36 months over 600 px, 0–100 % over 350 px: the shape of a printed trial figure. */
export const MONTHS_PERCENT: Calibration = straightAxes(
	{ x: 100, y: 400 },
	{ timeEnd: 700, time: 36, survivalTop: 50, survival: 100 },
	'percent',
	'months'
);

/** 0–10 years at 100 px a year, 0–1 over 400 px: round numbers for hand-checked steps. */
export const YEARS_PROPORTION: Calibration = straightAxes(
	{ x: 0, y: 400 },
	{ timeEnd: 1000, time: 10, survivalTop: 0, survival: 1 },
	'proportion',
	'years'
);
