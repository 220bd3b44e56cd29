/** The minimum a layer needs of a continuous d3 scale (linear or log). */
export interface ContinuousScale {
	(value: number): number;
	domain(): number[];
	range(): number[];
	ticks(count?: number): number[];
}

/** The minimum a layer needs of a d3 band scale. */
export interface BandScale {
	(value: string): number | undefined;
	domain(): string[];
	bandwidth(): number;
}
