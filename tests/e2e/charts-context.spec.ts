/**
 * The context charts on the built site: evidence map (overview), timeline, dosing
 * schedule and safety dot chart. Every expected number is counted from the dataset
 * files, never written into the test.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from './support/dataset';

interface RawReaction {
	id: string;
	term: string;
	percent?: number;
	category: string;
}
interface RawProfile {
	id: string;
	version: string;
	n?: number;
	reactions: RawReaction[];
}
interface RawEvent {
	id: string;
	date: string;
	kind: string;
}
interface RawRegimen {
	id: string;
	cycle?: { treatmentDays: number; restDays: number };
	steps: { fromDay: number; toDay: number; dose: number; unit: string }[];
}
interface RawIndication {
	id: string;
	population: { facets: Record<string, string[]> };
}
interface RawStudyFull {
	id: string;
	indicationIds: string[];
	arms: { n?: number; role: string }[];
	sampleSizes?: { value: number }[];
}

const base = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', '..', 'data', 'blincyto', 'dataset.json'), 'utf8')
) as {
	safety: RawProfile[];
	timeline: RawEvent[];
	dosing: RawRegimen[];
	indications: RawIndication[];
};
const studies = readDataset().studies as unknown as RawStudyFull[];

// --- expectations, from the data --------------------------------------------------------

const quantified = (p: RawProfile) => p.reactions.filter((r) => r.percent !== undefined);
const profiles = base.safety
	.filter((p) => quantified(p).length)
	.sort((a, b) => quantified(b).length - quantified(a).length);
const primary = profiles[0];
const same = (a: RawReaction, b: RawReaction) =>
	a.category === b.category && a.term.toLowerCase() === b.term.toLowerCase();
const comparisonMarks = profiles
	.slice(1)
	.flatMap((p) => quantified(p).filter((r) => quantified(primary).some((q) => same(q, r))));

/** A study appears once per distinct population (setting, Ph status, age groups) it serves. */
const mapMarks = studies.flatMap((s) => {
	const cells = new Set(
		s.indicationIds.map((id) => {
			const { population: p } = base.indications.find((i) => i.id === id)!;
			return `${p.facets.setting[0]}|${p.facets.ph[0]}|${[...p.facets.age].sort().join('+')}`;
		})
	);
	return [...cells].map((cell) => ({ study: s, cell }));
});
/** Patients: concurrent arms when each has n, else the largest sample size; else none. */
function expectedN(s: RawStudyFull): number | undefined {
	const arms = s.arms.filter((a) => a.role !== 'historical-control');
	if (arms.length && arms.every((a) => a.n !== undefined))
		return arms.reduce((sum, a) => sum + a.n!, 0);
	const sizes = (s.sampleSizes ?? []).map((z) => z.value);
	return sizes.length ? Math.max(...sizes) : undefined;
}

/** Cycles drawn: one for a single course (no rest), else two, or as many as the steps need. */
function periods(r: RawRegimen): number {
	const rest = r.cycle?.restDays ?? 0;
	const length = (r.cycle?.treatmentDays ?? Math.max(1, ...r.steps.map((s) => s.toDay))) + rest;
	const cycles = Math.max(
		rest === 0 ? 1 : 2,
		Math.ceil(Math.max(0, ...r.steps.map((s) => s.toDay)) / length)
	);
	return cycles * (rest > 0 ? 2 : 1);
}

const charts = [
	{
		path: '/',
		id: 'evidence-map',
		marks: mapMarks.length
	},
	{ path: '/timeline', id: 'timeline', marks: base.timeline.length },
	{
		path: '/dosing',
		id: 'dosing-schedule',
		marks: base.dosing.reduce((sum, r) => sum + periods(r), 0)
	},
	{
		path: '/safety',
		id: 'safety-dots',
		marks: quantified(primary).length + comparisonMarks.length
	}
];

const figure = (page: Page, id: string) => page.locator(`figure[data-chart-id="${id}"]`);

// --- tests -------------------------------------------------------------------------------

test.describe('context charts', () => {
	for (const chart of charts) {
		test(`${chart.id} on ${chart.path} draws one mark per item of the dataset`, async ({
			page
		}) => {
			expect(chart.marks, 'the dataset has something to draw').toBeGreaterThan(0);
			await page.goto(chart.path);
			const svg = figure(page, chart.id).locator('svg.layercake-layout-svg').first();
			await expect(svg).toBeVisible();
			await expect(svg.locator('.mark')).toHaveCount(chart.marks);
			// Title, subtitle and footer travel inside the SVG.
			await expect(svg.locator('g.title text').first()).not.toBeEmpty();
			await expect(svg.locator('g.footer')).toContainText(readDataset().version);
		});

		test(`${chart.id}: the tooltip is reachable by keyboard`, async ({ page }) => {
			await page.goto(chart.path);
			// Tooltips need the hydrated page; static marks take focus before that.
			await page.waitForLoadState('networkidle');
			const fig = figure(page, chart.id);
			// Focus the last focusable element before the chart, then Tab into the chart.
			await fig.evaluate((el) => {
				const focusable = [
					...document.querySelectorAll<HTMLElement>(
						'a[href], button, summary, select, input, [tabindex]:not([tabindex="-1"])'
					)
				];
				const before = focusable.filter(
					(f) => !el.contains(f) && el.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_PRECEDING
				);
				before.at(-1)?.focus();
			});
			// The first Tab into a prerendered chart brings it to life, keeping the focus.
			await page.keyboard.press('Tab');
			const island = page.locator(`[data-chart-island]:has(figure[data-chart-id="${chart.id}"])`);
			if (await island.count()) await expect(island).toHaveAttribute('data-live', 'true');
			let reached = await fig
				.locator('.mark')
				.first()
				.evaluate((el) => el === document.activeElement);
			for (let i = 0; i < 10 && !reached; i++) {
				await page.keyboard.press('Tab');
				reached = await fig
					.locator('.mark')
					.first()
					.evaluate((el) => el === document.activeElement);
			}
			expect(reached, 'Tab reaches the first mark').toBe(true);
			const tooltip = fig.getByTestId('chart-tooltip');
			await expect(tooltip).toBeVisible();
			const first = await tooltip.innerText();
			const name = await fig.locator('.mark').first().getAttribute('aria-label');
			expect(name, 'the mark has an accessible name').toBeTruthy();
			await page.keyboard.press('ArrowRight');
			await expect(fig.locator('.mark').nth(1)).toBeFocused();
			await expect(tooltip).not.toHaveText(first);
			await page.keyboard.press('Escape');
			await expect(tooltip).toHaveCount(0);
		});
	}

	test('axe finds no violations on the chart pages, light and dark', async ({ page }) => {
		test.setTimeout(120_000);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			for (const chart of charts) {
				await page.goto(chart.path);
				await expect(figure(page, chart.id)).toBeVisible();
				// On the overview only the evidence map is ours; the other pages are whole.
				const builder = new AxeBuilder({ page });
				if (chart.path === '/') builder.include(`figure[data-chart-id="${chart.id}"]`);
				const results = await builder.analyze();
				expect(results.violations, `${chart.path} ${scheme}`).toEqual([]);
			}
		}
	});

	test('the marks carry the figures of the dataset', async ({ page }) => {
		// Safety: every plotted frequency, and the earlier label's where it matches.
		await page.goto('/safety');
		const safety = figure(page, 'safety-dots');
		for (const r of quantified(primary)) {
			await expect(
				safety.locator(`[data-series="primary"][data-reaction-id="${r.id}"]`)
			).toHaveAttribute('data-value', String(r.percent));
		}
		for (const r of comparisonMarks) {
			await expect(
				safety.locator(`[data-series="comparison"][data-reaction-id="${r.id}"]`)
			).toHaveAttribute('data-value', String(r.percent));
		}
		// The label versions are named on the page.
		for (const p of base.safety)
			await expect(page.getByTestId('label-versions')).toContainText(p.version);

		// Timeline: every event at the date and precision the source gives.
		await page.goto('/timeline');
		const timeline = figure(page, 'timeline');
		for (const e of base.timeline) {
			const mark = timeline.locator(`.mark[data-event-id="${e.id}"]`);
			await expect(mark).toHaveAttribute('data-date', e.date);
			await expect(mark).toHaveAttribute('data-kind', e.kind);
			const precision = e.date.length === 4 ? 'year' : e.date.length === 7 ? 'month' : 'day';
			await expect(mark).toHaveAttribute('data-precision', precision);
		}

		// Dosing: every dose step of every regimen, in order.
		await page.goto('/dosing');
		const dosing = figure(page, 'dosing-schedule');
		const drawn = await dosing
			.locator('.dose-step')
			.evaluateAll((els) =>
				els.map(
					(el) =>
						`${el.getAttribute('data-dose')} ${el.getAttribute('data-unit')} ${el.getAttribute('data-from-day')}-${el.getAttribute('data-to-day')}`
				)
			);
		expect(drawn).toEqual(
			base.dosing.flatMap((r) => r.steps.map((s) => `${s.dose} ${s.unit} ${s.fromDay}-${s.toDay}`))
		);

		// Evidence map: every study in each of its populations, with its number of patients.
		await page.goto('/');
		const map = figure(page, 'evidence-map');
		for (const { study } of mapMarks) {
			const marks = map.locator(`.mark[data-study-id="${study.id}"]`);
			await expect(marks).toHaveCount(mapMarks.filter((x) => x.study === study).length);
			const n = expectedN(study);
			for (const mark of await marks.all()) {
				if (n === undefined) await expect(mark).not.toHaveAttribute('data-n', /.*/);
				else await expect(mark).toHaveAttribute('data-n', String(n));
			}
		}
	});

	test('the safety page lists the overview’s qualitative reactions with their Dutch words', async ({
		page
	}) => {
		const listed = base.safety.filter((p) => !quantified(p).length);
		expect(listed.length).toBeGreaterThan(0);
		await page.goto('/safety');
		for (const p of listed) {
			for (const r of p.reactions) {
				const item = page.locator(
					`[data-testid="qualitative-list"] li[data-reaction-id="${r.id}"]`
				);
				await expect(item).toContainText(r.term);
				await item.locator('summary').click();
				await expect(item.getByTestId('provenance-quote')).toBeVisible();
				await item.locator('summary').click();
			}
		}
	});

	for (const [width, height] of [
		[1280, 720],
		[375, 812]
	]) {
		test(`screenshots at ${width}×${height}, light and dark`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			for (const scheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme: scheme });
				for (const chart of charts) {
					await page.goto(chart.path);
					const fig = figure(page, chart.id);
					await expect(fig.locator('.mark').first()).toBeVisible();
					// After hydration the chart fits its container: no horizontal overflow.
					const overflow = await fig.evaluate((el) => el.scrollWidth - el.clientWidth);
					expect(overflow, `${chart.id} fits at ${width}px`).toBeLessThanOrEqual(1);
					await fig.screenshot({
						path: `test-results/charts-context/${chart.id}-${width}-${scheme}.png`
					});
				}
			}
		});
	}

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		for (const chart of charts) {
			test(`${chart.id} is in the prerendered HTML with every mark`, async ({ page }) => {
				await page.goto(chart.path);
				const svg = figure(page, chart.id).locator('svg.layercake-layout-svg').first();
				await expect(svg).toBeVisible();
				await expect(svg.locator('.mark')).toHaveCount(chart.marks);
				// The data table works as a native disclosure.
				const table = figure(page, chart.id).getByTestId('chart-table');
				await table.locator('summary').click();
				await expect(table.locator('tbody tr').first()).toBeVisible();
			});
		}
	});
});
