#!/usr/bin/env node
/**
 * `npm run bench` — the benchmark against peer chart libraries and the page-weight budget.
 *
 *   npm run bench                  render, browser, page weight, Lighthouse; writes
 *                                  bench/results.json, bench/results.md, PERFORMANCE.md
 *   npm run bench -- --quick       tiny configuration (render at 10 and 100 results, page
 *                                  weight if build/ exists); writes to a temp folder
 *   --only=render,survival,browser,weight,lighthouse,large   run some steps
 *                                  (large: 6,000 studies imported; overview, filter, /sources)
 *   --skip-build                   use the existing build/ (and harness build)
 *   --out=<dir>                    where to write results.json and results.md
 *   --port=<n>                     port of the bench's static server (default 4208)
 *   --report                       re-render results.md and PERFORMANCE.md from results.json
 *
 * The render comparison runs under Vitest (through Vite, so .svelte compiles as in the
 * site) in production mode; everything else runs here.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as prettier from 'prettier';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserBench } from './lib/browser.mjs';
import { fileResolver } from './lib/cpu-attribution.mjs';
import { runLargeBench } from './lib/large.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { markdown, TARGETS, verdicts } from './lib/report.mjs';
import { serveStatic } from './lib/server.mjs';
import { attributeChunks, pageWeight } from './lib/weight.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HARNESS_OUT = join(ROOT, 'node_modules/.cache/bench-harness');
const STEPS = ['render', 'survival', 'browser', 'weight', 'lighthouse', 'large'];
/** Pages whose first-load JavaScript is held to the same budget as `/` (build/ paths). */
const WEIGHT_PAGES = ['studies/mt103-211/index.html', 'landscape/index.html'];

function parseArgs(argv) {
	const args = { quick: false, skipBuild: false, report: false, only: null, out: null, port: 4208 };
	for (const arg of argv) {
		if (arg === '--quick') args.quick = true;
		else if (arg === '--skip-build') args.skipBuild = true;
		else if (arg === '--report') args.report = true;
		else if (arg.startsWith('--only=')) args.only = arg.slice(7).split(',').filter(Boolean);
		else if (arg.startsWith('--out=')) args.out = arg.slice(6);
		else if (arg.startsWith('--port=')) args.port = Number(arg.slice(7));
		else throw new Error(`unknown argument ${arg} (see bench/run.mjs)`);
	}
	for (const step of args.only ?? [])
		if (!STEPS.includes(step)) throw new Error(`unknown step ${step}: one of ${STEPS.join(', ')}`);
	return args;
}

const log = (line) => process.stdout.write(`[bench] ${line}\n`);

/** Env for child tools: no Vitest worker variables leaking in when the bench runs inside a test. */
function childEnv(extra = {}) {
	const env = { ...process.env, ...extra };
	for (const key of Object.keys(env))
		if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
	return env;
}

function exec(command, args, env = childEnv()) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const forward = (chunk) => {
			output += chunk;
			for (const line of String(chunk).split('\n'))
				if (/^(render n=|\[bench\])/.test(line.trim()))
					process.stdout.write(`[bench] ${line.trim()}\n`);
		};
		child.stdout.on('data', forward);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(output)
				: reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output.slice(-4000)}`))
		);
	});
}

function machine() {
	let chromium = 'Chromium (not found)';
	try {
		chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
			stdio: ['ignore', 'pipe', 'ignore']
		})
			.toString()
			.trim()
			.replace(/ built on .*/, '');
	} catch {
		/* reported as not found */
	}
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		ramGb: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		chromium,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		loadStart: os.loadavg()[0],
		loadEnd: os.loadavg()[0]
	};
}

function gitInfo() {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
			.toString()
			.trim();
		const dirty =
			execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT })
				.toString()
				.trim().length > 0;
		return { commit, dirty };
	} catch {
		return { commit: 'unknown', dirty: false };
	}
}

/** Markdown of a results object, formatted as the repository's Prettier would. */
async function formattedMarkdown(results) {
	const options = {
		...(await prettier.resolveConfig(join(ROOT, 'PERFORMANCE.md'))),
		parser: 'markdown'
	};
	return { md: await prettier.format(markdown(results), options), options };
}

/** Puts the table of a run between the markers of PERFORMANCE.md. */
async function updatePerformanceMd(md, options) {
	const perf = join(ROOT, 'PERFORMANCE.md');
	const start = '<!-- bench:results:start -->';
	const end = '<!-- bench:results:end -->';
	if (!existsSync(perf)) return false;
	const text = readFileSync(perf, 'utf8');
	const i = text.indexOf(start);
	const j = text.indexOf(end);
	if (i < 0 || j <= i) return false;
	const next = `${text.slice(0, i + start.length)}\n\n${md}\n${text.slice(j)}`;
	writeFileSync(perf, await prettier.format(next, options));
	return true;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.report) {
		// Re-render bench/results.md and PERFORMANCE.md from bench/results.json (no measuring).
		const results = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8'));
		const { md, options } = await formattedMarkdown(results);
		writeFileSync(join(ROOT, 'bench/results.md'), md);
		await updatePerformanceMd(md, options);
		log('re-rendered bench/results.md and PERFORMANCE.md from bench/results.json');
		return;
	}
	const steps = args.only ?? (args.quick ? ['render', 'weight'] : STEPS);
	const outDir = args.out ?? (args.quick ? join(os.tmpdir(), 'bench-quick') : join(ROOT, 'bench'));
	mkdirSync(outDir, { recursive: true });
	const results = {
		startedAt: new Date().toISOString(),
		mode: args.quick ? 'quick' : args.only ? `only ${steps.join(',')}` : 'full',
		...gitInfo(),
		machine: machine(),
		steps,
		notes: []
	};
	const t0 = performance.now();

	if (steps.includes('render')) {
		log('render: ours vs Observable Plot vs Vega-Lite (Vitest, production mode)');
		const file = join(os.tmpdir(), `bench-render-${process.pid}.json`);
		await exec(
			'npx',
			[
				'vitest',
				'run',
				'--config',
				'bench/vitest.config.ts',
				'--mode',
				'production',
				'bench/render/render.measure.ts'
			],
			childEnv({
				NODE_ENV: 'production',
				BENCH_RENDER_CONFIG: args.quick ? 'quick' : 'full',
				BENCH_RENDER_OUT: file
			})
		);
		results.render = JSON.parse(readFileSync(file, 'utf8'));
	}

	if (steps.includes('survival')) {
		log('survival: Guyot reconstruction 2 × 1,000 patients; Kaplan–Meier + Cox on 10,000');
		const file = join(os.tmpdir(), `bench-survival-${process.pid}.json`);
		await exec(
			'npx',
			[
				'vitest',
				'run',
				'--config',
				'bench/vitest.config.ts',
				'--mode',
				'production',
				'bench/survival/survival.measure.ts'
			],
			childEnv({
				NODE_ENV: 'production',
				BENCH_SURVIVAL_CONFIG: args.quick ? 'quick' : 'full',
				BENCH_SURVIVAL_OUT: file
			})
		);
		results.survival = JSON.parse(readFileSync(file, 'utf8'));
	}

	const needsBuild = steps.some((s) => s !== 'render' && s !== 'survival');
	const buildDir = join(ROOT, 'build');
	if (needsBuild && !args.skipBuild && !args.quick) {
		log('build: vite build --sourcemap hidden (same code as npm run build, plus .map files)');
		await exec('npx', ['vite', 'build', '--sourcemap', 'hidden']);
	}
	if (
		(steps.includes('browser') || steps.includes('large')) &&
		(!args.skipBuild || !existsSync(join(HARNESS_OUT, 'index.html')))
	) {
		log('build: bench harness');
		await exec('npx', ['vite', 'build', '--config', 'bench/harness/vite.config.ts']);
	}

	if (steps.includes('weight')) {
		const weight = pageWeight({ root: ROOT, buildDir });
		if (weight) {
			weight.attribution = attributeChunks(buildDir, weight.js.chunks);
			results.weight = weight;
			log(
				`weight: JS ${(weight.js.gzip / 1024).toFixed(1)} KB gzip in ${weight.js.files} files, CSS ${(weight.css.gzip / 1024).toFixed(1)} KB, HTML ${(weight.html.gzip / 1024).toFixed(1)} KB gzip`
			);
		} else results.notes.push('Page weight not measured: no build/index.html (run npm run build).');
		// The same budget for a study page and the landscape overview (issue: fast on a phone).
		results.weightPages = WEIGHT_PAGES.map((page) => {
			const w = pageWeight({ root: ROOT, buildDir, page });
			return { page, jsGzip: w?.js.gzip ?? null, jsFiles: w?.js.files ?? null };
		});
		for (const { page, jsGzip } of results.weightPages)
			log(
				`weight: ${page} first-load JS ${jsGzip === null ? '–' : (jsGzip / 1024).toFixed(1)} KB gzip`
			);
	}

	if (steps.includes('browser') || steps.includes('lighthouse') || steps.includes('large')) {
		const mounts = [
			{ prefix: '/__bench/', dir: HARNESS_OUT },
			{ prefix: '/', dir: buildDir }
		];
		const server = await serveStatic({ port: args.port, mounts });
		try {
			if (steps.includes('browser')) {
				results.browser = await runBrowserBench({
					baseUrl: server.url,
					harnessSizes: args.quick ? [100] : [1000, 10_000],
					overviewSizes: args.quick ? [100] : [1000, 10_000],
					samples: args.quick ? { blincyto: 2, harness: 2 } : { blincyto: 15, harness: 8 },
					log,
					fileOf: fileResolver(mounts)
				});
			}
			if (steps.includes('large'))
				results.large = await runLargeBench({
					baseUrl: server.url,
					studies: args.quick ? 300 : 6000,
					log
				});
			if (steps.includes('lighthouse'))
				results.lighthouse = await runLighthouse({
					url: `${server.url}/`,
					runs: args.quick ? 1 : 3,
					log
				});
		} finally {
			await server.close();
		}
	}

	results.machine.loadEnd = os.loadavg()[0];
	results.durationS = Math.round((performance.now() - t0) / 1000);
	if (
		results.machine.loadStart > results.machine.cores ||
		results.machine.loadEnd > results.machine.cores
	)
		results.notes.push(
			`The machine was busy (load average ${results.machine.loadStart.toFixed(1)}–${results.machine.loadEnd.toFixed(1)} on ${results.machine.cores} cores): wall-clock times are inflated; CPU-time ratios are the steadier comparison.`
		);
	const { md, options } = await formattedMarkdown(results);
	writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	writeFileSync(join(outDir, 'results.md'), md);
	process.stdout.write(`\n${md}\n`);
	log(`wrote ${join(outDir, 'results.json')} and results.md in ${results.durationS} s`);
	// PERFORMANCE.md shows the latest full run.
	if (!args.quick && !args.only && !args.out && (await updatePerformanceMd(md, options)))
		log('updated PERFORMANCE.md');
	const missed = verdicts(results).filter((v) => v.ok === false).length;
	if (missed)
		log(`${missed} target(s) missed (see the table); the bench measures, it does not fail on them`);
	// One exception, a size and not a timing, so it holds on any machine: the quick run (CI)
	// fails when the first-load JavaScript of / is over the budget (the other pages' weights
	// are in the table).
	if (args.quick) {
		const over = overBudget(results);
		for (const line of over) log(`over budget: ${line}`);
		if (over.length) process.exitCode = 1;
	}
}

/** `/` when its first-load JS is over the budget, as a line to print; none within it. */
function overBudget(results) {
	const budget = TARGETS.firstLoadJsGzipKb * 1024;
	const pages = [{ page: 'index.html', jsGzip: results.weight?.js.gzip ?? null }];
	return pages
		.filter(({ jsGzip }) => jsGzip !== null && jsGzip > budget)
		.map(
			({ page, jsGzip }) =>
				`${page}: ${(jsGzip / 1024).toFixed(1)} KB gzip > ${TARGETS.firstLoadJsGzipKb} KB`
		);
}

main().catch((error) => {
	process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
	process.exit(1);
});
