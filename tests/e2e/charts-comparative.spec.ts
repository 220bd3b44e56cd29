import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { proportionCI } from '../../src/lib/stats';
import { readDataset, type RawDataset, type RawResult } from './support/dataset';

/** The fields the charts read, beyond the shared raw types. */
type Result = RawResult & {
	armId?: string;
	unit: string;
	timepoint?: { label: string };
	ci?: { low: number; high: number; level: number };
};
interface Endpoint {
	id: string;
	kind: string;
	label: string;
	results: Result[];
}
interface Study {
	id: string;
	name: string;
	design: string;
	arms: { id: string; role: string }[];
	endpoints: Endpoint[];
}

const dataset = readDataset() as unknown as Omit<RawDataset, 'studies'> & { studies: Study[] };
const results = (study: Study) =>
	study.endpoints.flatMap((endpoint) => endpoint.results.map((result) => ({ endpoint, result })));

// What each chart must draw, counted from the dataset files, not from the chart code.
const forestFigures = dataset.studies.flatMap((study) =>
	results(study).filter(
		({ endpoint, result }) =>
			['response', 'event-rate'].includes(endpoint.kind) &&
			result.unit === 'percent' &&
			(result.value !== undefined || (result.events !== undefined && result.total !== undefined))
	)
);
const randomised = dataset.studies.filter((s) => s.design === 'randomised');
const armFigures = (study: Study) =>
	results(study).filter(
		({ endpoint, result }) =>
			['response', 'event-rate', 'landmark-survival', 'median-time'].includes(endpoint.kind) &&
			result.armId !== undefined &&
			result.value !== undefined &&
			['percent', 'months'].includes(result.unit)
	);
/** Printed effects, plus a risk difference and a risk ratio per pair of arms with counts from one source. */
const effectCount = (study: Study) => {
	const role = new Map(study.arms.map((a) => [a.id, a.role]));
	const printed = results(study).filter(
		({ endpoint, result }) =>
			['hazard-ratio', 'difference'].includes(endpoint.kind) && result.value !== undefined
	).length;
	let pairs = 0;
	for (const endpoint of study.endpoints.filter((e) =>
		['response', 'event-rate'].includes(e.kind)
	)) {
		const counted = endpoint.results.filter((r) => r.events !== undefined && r.total !== undefined);
		for (const e of counted.filter((r) => role.get(r.armId!) === 'experimental'))
			for (const c of counted.filter((r) => role.get(r.armId!) === 'comparator'))
				if (
					e.provenance.sourceId === c.provenance.sourceId &&
					(e.timepoint?.label ?? '') === (c.timepoint?.label ?? '')
				)
					pairs += 1;
	}
	return printed + 2 * pairs;
};
const survivalCount = (study: Study) =>
	results(study).filter(
		({ endpoint, result }) =>
			result.armId !== undefined &&
			result.value !== undefined &&
			((endpoint.kind === 'landmark-survival' && result.timepoint) ||
				(endpoint.kind === 'median-time' && result.unit === 'months'))
	).length;

/** The theme switch appears once the page has hydrated: event handlers are attached. */
const hydrated = (page: Page) => expect(page.getByTestId('theme-switch')).toBeVisible();
const chart = (page: Page, id: string) => page.locator(`figure[data-chart-id="${id}"]`);
const marks = (page: Page, id: string) => chart(page, id).locator('svg g.mark');

test('every comparative chart is on the overview with one mark per figure of the dataset', async ({
	page
}) => {
	await page.goto('/');
	expect(forestFigures.length).toBeGreaterThan(10);
	await expect(marks(page, 'response-forest')).toHaveCount(forestFigures.length);
	expect(randomised.length).toBeGreaterThanOrEqual(3);
	for (const study of randomised) {
		await expect(marks(page, `two-arm-${study.id}`)).toHaveCount(armFigures(study).length);
		const effects = effectCount(study);
		if (effects) await expect(marks(page, `effects-${study.id}`)).toHaveCount(effects);
		const survival = survivalCount(study);
		if (survival) await expect(marks(page, `survival-${study.id}`)).toHaveCount(survival);
		else await expect(chart(page, `survival-${study.id}`)).toHaveCount(0);
	}
});

test('marks carry the figure, its CI and its result id as the dataset gives them', async ({
	page
}) => {
	await page.goto('/');
	const printed = forestFigures.filter(({ result }) => result.ci).slice(0, 4);
	const computed = forestFigures
		.filter(({ result }) => !result.ci && result.events !== undefined && result.total !== undefined)
		.slice(0, 4);
	const none = forestFigures.filter(
		({ result }) => !result.ci && (result.events === undefined || result.total === undefined)
	);
	expect(printed.length && computed.length && none.length).toBeTruthy();

	const read = async (id: string) => {
		const mark = marks(page, 'response-forest').and(page.locator(`[data-result-id="${id}"]`));
		await expect(mark).toHaveCount(1);
		const attr = async (name: string) => mark.getAttribute(`data-${name}`);
		return {
			value: Number(await attr('value')),
			low: await attr('ci-low'),
			high: await attr('ci-high'),
			origin: await attr('ci-origin')
		};
	};
	for (const { result } of printed) {
		const mark = await read(result.id);
		expect(mark.value).toBeCloseTo(result.value!, 9);
		expect([Number(mark.low), Number(mark.high), mark.origin]).toEqual([
			result.ci!.low,
			result.ci!.high,
			'printed'
		]);
	}
	for (const { result } of computed) {
		const mark = await read(result.id);
		const ci = proportionCI(result.events!, result.total!, { method: 'clopper-pearson' });
		expect(mark.origin).toBe('computed');
		expect(Number(mark.low)).toBeCloseTo(100 * ci.low, 6);
		expect(Number(mark.high)).toBeCloseTo(100 * ci.high, 6);
		expect(mark.value).toBeCloseTo(result.value ?? (100 * result.events!) / result.total!, 6);
	}
	const mark = await read(none[0].result.id);
	expect([mark.low, mark.high, mark.origin]).toEqual([null, null, 'none']);
});

test('a mark shows its tooltip when reached with the keyboard', async ({ page }) => {
	await page.goto('/');
	await hydrated(page);
	const forest = chart(page, 'response-forest');
	// Start at the last chart option, then Tab past the chart's menu into its marks.
	await forest.locator('input[name="pool"]').last().focus();
	// Focus inside the prerendered chart brings it to life; focus stays where it was.
	await expect(page.locator('[data-chart-island="response-forest"]')).toHaveAttribute(
		'data-live',
		'true'
	);
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('name', 'pool');
	for (let step = 0; step < 6; step++) {
		await page.keyboard.press('Tab');
		if (/\bmark\b/.test((await focused.getAttribute('class')) ?? '')) break;
	}
	await expect(focused).toHaveClass(/mark/);
	const id = await focused.getAttribute('data-result-id');
	const figure = forestFigures.find(({ result }) => result.id === id)!;
	const tooltip = forest.getByTestId('chart-tooltip');
	await expect(tooltip).toBeVisible();
	await expect(tooltip).toContainText(figure.endpoint.label);
	await expect(tooltip).toContainText(String(Math.round(figure.result.value ?? 0)));
	// Arrow keys move to the next mark; Escape hides the tooltip.
	await page.keyboard.press('ArrowDown');
	await expect(page.locator(':focus')).not.toHaveAttribute('data-result-id', id!);
	await expect(tooltip).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(tooltip).toBeHidden();
});

test('sorting, grouping and pooling are chart options kept in the URL', async ({ page }) => {
	await page.goto('/?sort=value&group=none');
	await hydrated(page);
	// The page is prerendered in the default order; the chart redraws in the URL's order.
	const values = () =>
		marks(page, 'response-forest').evaluateAll((els) =>
			els.map((el) => Number(el.getAttribute('data-value')))
		);
	await expect
		.poll(async () => {
			const shown = await values();
			return shown.join() === [...shown].sort((a, b) => b - a).join();
		})
		.toBe(true);

	const forest = chart(page, 'response-forest');
	const boxes = forest.locator('input[name="pool"]');
	await expect(boxes.nth(0)).not.toBeChecked();
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await expect(page).toHaveURL(/pool=/);
	await expect(forest.locator('g.mark.pooled')).toHaveCount(1);
	await expect(forest.getByTestId('pool-caveat')).toBeVisible();
	await page.reload();
	await expect(forest.locator('g.mark.pooled')).toHaveCount(1);
});

test('the charts have no accessibility violations in light and dark', async ({ page }) => {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/?pool=mt103-211,alcantara');
		await expect(chart(page, 'response-forest').locator('g.mark.pooled')).toHaveCount(1);
		const results = await new AxeBuilder({ page })
			.include('[data-testid="overview-charts"]')
			.analyze();
		expect(results.violations, scheme).toEqual([]);
	}
});

test('without JavaScript the charts are in the HTML, marks and captions included', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(marks(page, 'response-forest')).toHaveCount(forestFigures.length);
	const svg = chart(page, 'response-forest').locator('svg.layercake-layout-svg').first();
	await expect(svg.locator('g.title')).toContainText(/\S/);
	await expect(svg.locator('g.footer')).toContainText(dataset.version);
	for (const study of randomised) {
		await expect(marks(page, `two-arm-${study.id}`)).toHaveCount(armFigures(study).length);
	}
	// The data table works without JavaScript too.
	await chart(page, 'response-forest').getByText('Show data as table').click();
	await expect(chart(page, 'response-forest').locator('tbody tr')).toHaveCount(
		forestFigures.length
	);
	await context.close();
});

for (const [width, height] of [
	[1280, 720],
	[375, 812]
]) {
	test(`screenshots at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await page.goto('/');
		const forest = chart(page, 'response-forest');
		await expect(forest).toBeVisible();
		await forest.screenshot({ path: `test-results/charts/forest-${width}.png` });
		const twoArm = chart(page, `two-arm-${randomised[0].id}`);
		await twoArm.screenshot({ path: `test-results/charts/two-arm-${width}.png` });
		await page.screenshot({ path: `test-results/charts/overview-${width}.png` });
	});
}
