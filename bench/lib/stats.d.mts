export interface Summary {
	median: number;
	p25: number;
	p75: number;
	min: number;
	max: number;
	n: number;
}
export function quantile(sorted: number[], q: number): number;
export function summarise(samples: number[]): Summary;
