/**
 * Lighthouse 12.8.2 (run with npx, not a dependency) on Debian Chromium: performance
 * and accessibility scores and the metrics behind them, mobile (Lighthouse's default:
 * simulated slow 4G and 4× CPU slowdown) and desktop. Several runs; the median
 * performance run is reported.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIGHTHOUSE = 'lighthouse@12.8.2';
const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
].join(' ');

function run(command, args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`))
		);
	});
}

const METRICS = {
	fcpMs: 'first-contentful-paint',
	lcpMs: 'largest-contentful-paint',
	tbtMs: 'total-blocking-time',
	cls: 'cumulative-layout-shift',
	speedIndexMs: 'speed-index',
	ttiMs: 'interactive'
};

function summariseReport(report) {
	const score = (id) => Math.round((report.categories[id]?.score ?? Number.NaN) * 100);
	const metrics = Object.fromEntries(
		Object.entries(METRICS).map(([key, id]) => {
			const value = report.audits[id]?.numericValue;
			return [
				key,
				value === undefined
					? null
					: Math.round(value * (key === 'cls' ? 1000 : 1)) / (key === 'cls' ? 1000 : 1)
			];
		})
	);
	const failing = (category) =>
		(report.categories[category]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => report.audits[ref.id])
			.filter((a) => a && a.score !== null && a.score < 1)
			.map((a) => ({
				id: a.id,
				title: a.title,
				score: a.score,
				displayValue: a.displayValue,
				// The elements at fault, so the report can say which component.
				nodes: (a.details?.items ?? [])
					.map((item) => item.node?.selector ?? item.node?.snippet)
					.filter(Boolean)
					.slice(0, 6)
			}));
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		metrics,
		failingAccessibility: failing('accessibility'),
		performanceOpportunities: failing('performance').slice(0, 8),
		diagnostics: {
			domElements: report.audits['dom-size']?.numericValue ?? null,
			bootupMs: Math.round(report.audits['bootup-time']?.numericValue ?? 0),
			mainThreadMs: Math.round(report.audits['mainthread-work-breakdown']?.numericValue ?? 0),
			unusedJsBytes: report.audits['unused-javascript']?.details?.overallSavingsBytes ?? null,
			totalBytes: report.audits['total-byte-weight']?.numericValue ?? null
		},
		lighthouseVersion: report.lighthouseVersion,
		userAgent: report.environment?.hostUserAgent
	};
}

/**
 * @param {{ url: string, runs: number, log: (s: string) => void }} options
 */
export async function runLighthouse({ url, runs, log }) {
	const dir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
	const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
	const out = {};
	try {
		for (const preset of ['mobile', 'desktop']) {
			const reports = [];
			for (let i = 0; i < runs; i++) {
				const file = join(dir, `${preset}-${i}.json`);
				await run(
					'npx',
					[
						'--yes',
						LIGHTHOUSE,
						url,
						'--output=json',
						`--output-path=${file}`,
						'--only-categories=performance,accessibility',
						`--chrome-flags=${CHROME_FLAGS}`,
						'--quiet',
						...(preset === 'desktop' ? ['--preset=desktop'] : [])
					],
					env
				);
				const summary = summariseReport(JSON.parse(readFileSync(file, 'utf8')));
				log(
					`lighthouse ${preset} #${i + 1}: performance ${summary.performance}, accessibility ${summary.accessibility}`
				);
				reports.push(summary);
			}
			reports.sort((a, b) => a.performance - b.performance);
			const median = reports[Math.floor((reports.length - 1) / 2)];
			out[preset] = { ...median, runs: reports.map((r) => r.performance) };
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return out;
}
