/**
 * The server-side render comparison: for each dataset size, our forest plot,
 * Observable Plot and Vega-Lite, interleaved in a shuffled order each repetition,
 * after warm-up, with a garbage collection before every sample (when exposed).
 * Reports medians (and quartiles) and the ratios ours/Plot and ours/Vega-Lite.
 */
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { forestRows, DEFAULT_FOREST_OPTIONS } from '../../src/lib/charts/forest/forest-rows';
import { seededRandom, syntheticDataset } from '../../src/lib/evidence/synthetic';
import { formatIssues, validateDataset } from '../../src/lib/evidence/validate';
import { attribute, type Attribution } from './attribution';
import { peerInput } from './forest-input';
import {
	countOurPoints,
	oursSvg,
	plotDoc,
	renderOurs,
	renderPlot,
	renderVegaLite,
	vegaLiteSpec
} from './renderers';
import * as vegaLite from 'vega-lite';
import { summarise, type Summary } from '../lib/stats.mjs';

export const LIBRARIES = ['ours', 'plot', 'vegaLite'] as const;
export type Library = (typeof LIBRARIES)[number];

export interface RenderBenchConfig {
	sizes: number[];
	seed: number;
	/** Warm-up renders and timed repetitions per library, by size (the largest size ≤ n applies). */
	warmup: Record<number, number>;
	reps: Record<number, number>;
	/** Sizes at which to profile our render by component. */
	attributeAt: number[];
}

export const FULL_CONFIG: RenderBenchConfig = {
	sizes: [10, 1000, 10_000],
	seed: 20_260_101,
	warmup: { 0: 20, 1000: 4, 10_000: 2 },
	reps: { 0: 40, 1000: 15, 10_000: 7 },
	attributeAt: [1000]
};

export const QUICK_CONFIG: RenderBenchConfig = {
	sizes: [10, 100],
	seed: 20_260_101,
	warmup: { 0: 1 },
	reps: { 0: 3 },
	attributeAt: []
};

export interface LibraryResult extends Summary {
	/** CPU time of the process during each sample: less sensitive to other load on the machine. */
	cpu: Summary;
	/** Bytes of the markup (ours: the root <svg> only; the page also gets controls and the table). */
	svgBytes: number;
	svgGzipBytes: number;
	/** Elements in the markup. */
	elements: number;
	/** Point marks found in the output: must equal the number of results. */
	points: number;
}

export interface SizeResult {
	results: number;
	/** Rows drawn (results plus group headers). */
	rows: number;
	width: number;
	height: number;
	/** validateDataset accepted the synthetic dataset. */
	valid: boolean;
	warmup: number;
	reps: number;
	libraries: Record<Library, LibraryResult>;
	/** Of the wall-clock medians; `cpu`: of the CPU-time medians. */
	ratios: {
		oursOverPlot: number;
		oursOverVegaLite: number;
		cpu: { oursOverPlot: number; oursOverVegaLite: number };
	};
	/** Where our time goes: row building (incl. Clopper–Pearson CIs), measured apart. */
	breakdown: { forestRowsMs: Summary; vegaLiteCompileMs: Summary };
	attribution?: Attribution;
}

export interface RenderBenchResult {
	config: RenderBenchConfig;
	sizes: SizeResult[];
}

const forSize = (table: Record<number, number>, n: number) =>
	table[
		Math.max(
			...Object.keys(table)
				.map(Number)
				.filter((k) => k <= n)
		)
	];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Wall-clock and CPU time (user + system, this process) of one call, in ms. */
async function time(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
	gc();
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	await fn();
	const wall = performance.now() - t0;
	const c = process.cpuUsage(c0);
	return { wall, cpu: (c.user + c.system) / 1000 };
}

export async function runRenderBench(
	config: RenderBenchConfig,
	log: (line: string) => void = () => {}
): Promise<RenderBenchResult> {
	const shuffle = seededRandom(config.seed);
	const sizes: SizeResult[] = [];
	plotDoc();
	for (const n of config.sizes) {
		const dataset = syntheticDataset({ results: n, seed: config.seed });
		const outcome = validateDataset(dataset);
		if (!outcome.ok)
			throw new Error(`synthetic dataset of ${n} is invalid:\n${formatIssues(outcome.issues)}`);

		// First render of each: sizes, the peers' input, and the check that all drew every row.
		const ours = renderOurs(dataset);
		const svg = oursSvg(ours.markup);
		const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
		const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
		const input = peerInput(dataset, height);
		const plot = renderPlot(input);
		const vl = await renderVegaLite(input);
		const outputs: Record<Library, { markup: string; points: number }> = {
			ours: { markup: svg, points: countOurPoints(ours.markup) },
			plot,
			vegaLite: vl
		};
		for (const lib of LIBRARIES)
			if (outputs[lib].points !== n)
				throw new Error(`${lib} drew ${outputs[lib].points} points for ${n} results`);

		const run: Record<Library, () => unknown> = {
			ours: () => renderOurs(dataset),
			plot: () => renderPlot(input),
			vegaLite: () => renderVegaLite(input)
		};
		const warmup = forSize(config.warmup, n);
		const reps = forSize(config.reps, n);
		for (let i = 0; i < warmup; i++) for (const lib of LIBRARIES) await run[lib]();

		const samples: Record<Library, { wall: number; cpu: number }[]> = {
			ours: [],
			plot: [],
			vegaLite: []
		};
		for (let i = 0; i < reps; i++) {
			const order = [...LIBRARIES].sort(() => shuffle() - 0.5);
			for (const lib of order) samples[lib].push(await time(run[lib]));
		}
		const rowsSamples: number[] = [];
		const compileSamples: number[] = [];
		const spec = vegaLiteSpec(input);
		for (let i = 0; i < reps; i++) {
			rowsSamples.push((await time(() => forestRows(dataset, DEFAULT_FOREST_OPTIONS))).wall);
			compileSamples.push((await time(() => vegaLite.compile(spec))).wall);
		}

		const libraries = Object.fromEntries(
			LIBRARIES.map((lib) => {
				const markup = outputs[lib].markup;
				return [
					lib,
					{
						...summarise(samples[lib].map((t) => t.wall)),
						cpu: summarise(samples[lib].map((t) => t.cpu)),
						svgBytes: Buffer.byteLength(markup),
						svgGzipBytes: gzipSync(markup, { level: 9 }).length,
						elements: (markup.match(/<[a-zA-Z]/g) ?? []).length,
						points: outputs[lib].points
					}
				];
			})
		) as Record<Library, LibraryResult>;
		const result: SizeResult = {
			results: n,
			rows: input.rows.length,
			width,
			height,
			valid: true,
			warmup,
			reps,
			libraries,
			ratios: {
				oursOverPlot: libraries.ours.median / libraries.plot.median,
				oursOverVegaLite: libraries.ours.median / libraries.vegaLite.median,
				cpu: {
					oursOverPlot: libraries.ours.cpu.median / libraries.plot.cpu.median,
					oursOverVegaLite: libraries.ours.cpu.median / libraries.vegaLite.cpu.median
				}
			},
			breakdown: {
				forestRowsMs: summarise(rowsSamples),
				vegaLiteCompileMs: summarise(compileSamples)
			}
		};
		if (config.attributeAt.includes(n))
			result.attribution = await attribute(() => renderOurs(dataset), n >= 5000 ? 2 : 5);
		log(
			`render n=${n}: ours ${libraries.ours.median.toFixed(1)} ms, Plot ${libraries.plot.median.toFixed(1)} ms, Vega-Lite ${libraries.vegaLite.median.toFixed(1)} ms (ratios ${result.ratios.oursOverPlot.toFixed(2)}, ${result.ratios.oursOverVegaLite.toFixed(2)}; CPU ${result.ratios.cpu.oursOverPlot.toFixed(2)}, ${result.ratios.cpu.oursOverVegaLite.toFixed(2)}; load ${os.loadavg()[0].toFixed(1)})`
		);
		sizes.push(result);
	}
	return { config, sizes };
}
