import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { allResultsOf, readDataset, type RawStudy } from './support/dataset';

const dataset = readDataset();

interface RawIndication {
	id: string;
	label: string;
	population: { ageGroups: string[]; phStatus: string; setting: string };
}
const indications = dataset.indications as unknown as RawIndication[];
const storedSources = new Set(dataset.sources.filter((s) => s.file).map((s) => s.id));
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first headline figure quoted from the stored (Dutch) source, with an English gloss. */
function quotedHeadline() {
	for (const study of dataset.studies) {
		for (const result of allResultsOf(study) as (ReturnType<typeof allResultsOf>[number] & {
			provenance: { gloss?: string };
		})[]) {
			if (
				result.headline &&
				storedSources.has(result.provenance.sourceId) &&
				result.provenance.quote &&
				result.provenance.gloss
			)
				return { study, result };
		}
	}
	throw new Error('the dataset has no quoted headline figure with a gloss');
}

/** Study ids in the order the overview shows them (one card per study and indication). */
async function shownStudies(page: Page): Promise<string[]> {
	const ids = await page
		.locator('main article[data-study-id]')
		.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-study-id') ?? ''));
	return [...new Set(ids)].sort();
}

/** What the filters should keep, computed from the raw dataset, independent of the app's code. */
function expectedStudies(filter: { age?: string[]; design?: string[] }): string[] {
	const keep = (study: RawStudy) => {
		if (filter.design && !filter.design.includes(study.design)) return false;
		if (!filter.age) return true;
		return study.indicationIds.some((id) =>
			indications
				.find((i) => i.id === id)
				?.population.ageGroups.some((a) => filter.age!.includes(a))
		);
	};
	return dataset.studies
		.filter(keep)
		.map((s) => s.id)
		.sort();
}

async function check(page: Page, dimension: string, value: string) {
	await page.locator(`fieldset[data-dimension="${dimension}"] input[value="${value}"]`).check();
}

test.describe('drill-down journeys', () => {
	test('overview → indication → study → the provenance of its headline figure', async ({
		page
	}) => {
		const { study, result } = quotedHeadline();
		const indication = indications.find((i) => i.id === study.indicationIds[0])!;

		await page.goto('/');
		await page.locator(`section[data-indication-id="${indication.id}"] h2 a`).first().click();
		await expect(page).toHaveURL(new RegExp(`/indications/${indication.id}/$`));
		await expect(page.locator('h1')).toHaveText(indication.label);
		await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Overview');

		await page.locator(`article[data-study-id="${study.id}"] [data-testid="study-link"]`).click();
		await expect(page).toHaveURL(new RegExp(`/studies/${study.id}/$`));
		await expect(page.locator('h1')).toHaveText(study.name);
		const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
		await expect(crumbs.getByRole('link', { name: indication.label })).toBeVisible();

		// Open the provenance of the headline figure with the keyboard.
		const row = page.locator(`tr[data-row-result-id="${result.id}"]`);
		const summary = row.locator('summary').first();
		await summary.focus();
		await page.keyboard.press('Enter');
		const quote = row.getByTestId('provenance-quote');
		await expect(quote).toBeVisible();
		await expect(quote).toHaveAttribute('lang', 'nl');
		await expect(quote).toContainText(norm(result.provenance.quote!).slice(0, 40));
		const gloss = (result.provenance as { gloss?: string }).gloss!;
		await expect(row.locator('.gloss')).toContainText(norm(gloss).slice(0, 30));

		// Escape closes it and gives focus back to the figure (once the page runs: close button).
		await expect(row.locator('details[open] .panel button')).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(quote).toBeHidden();
		await expect(summary).toBeFocused();
	});

	test('only one provenance panel is open at a time', async ({ page }) => {
		const { study } = quotedHeadline();
		await page.goto(`/studies/${study.id}`);
		// One-at-a-time and outside-click closing come with hydration.
		await page.waitForLoadState('networkidle');
		const summaries = page.locator('details[data-testid="provenance"] > summary');
		expect(await summaries.count()).toBeGreaterThan(1);
		await summaries.nth(0).click();
		await expect(page.locator('details[data-testid="provenance"][open]')).toHaveCount(1);
		// The close button appears once the page runs: from then on Escape and outside presses work.
		await expect(page.locator('details[open] .panel button')).toBeVisible();
		// The open panel may cover the next figure: reach it with the keyboard.
		await summaries.last().focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('details[data-testid="provenance"][open]')).toHaveCount(1);
		await expect(page.locator('details[data-testid="provenance"]').last()).toHaveAttribute(
			'open',
			''
		);
		// A press outside closes it.
		await page.locator('h1').click();
		await expect(page.locator('details[data-testid="provenance"][open]')).toHaveCount(0);
	});

	test('the Dutch page shows the quote without an English gloss', async ({ page }) => {
		const { study, result } = quotedHeadline();
		await page.goto(`/nl/studies/${study.id}`);
		const row = page.locator(`tr[data-row-result-id="${result.id}"]`);
		await row.locator('summary').first().click();
		await expect(row.getByTestId('provenance-quote')).toContainText(
			norm(result.provenance.quote!).slice(0, 40)
		);
		await expect(row.locator('.gloss')).toHaveCount(0);
	});

	test('a filtered view is in the URL: a copied link reproduces it', async ({ page, context }) => {
		await page.goto('/');
		await check(page, 'age', 'adult');
		await expect(page).toHaveURL(/\?age=adult$/);
		await check(page, 'design', 'randomised');
		await expect(page).toHaveURL(/\?age=adult&design=randomised$/);

		const expected = expectedStudies({ age: ['adult'], design: ['randomised'] });
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(dataset.studies.length);
		await expect.poll(() => shownStudies(page)).toEqual(expected);
		await expect(page.getByTestId('filter-counts')).toContainText(
			`${expected.length} of ${dataset.studies.length} studies`
		);

		const copied = page.url();
		const other = await context.newPage();
		await other.goto(copied);
		await expect.poll(() => shownStudies(other)).toEqual(expected);
		await expect(
			other.locator('fieldset[data-dimension="design"] input[value="randomised"]')
		).toBeChecked();
		await expect(
			other.locator('fieldset[data-dimension="age"] input[value="adult"]')
		).toBeChecked();

		// Clear filters brings every study back.
		await other.getByTestId('filter-clear').click();
		await expect(other).toHaveURL(/\/$/);
		await expect.poll(() => shownStudies(other)).toEqual(dataset.studies.map((s) => s.id).sort());
	});

	test('back and forward restore the filter states', async ({ page }) => {
		await page.goto('/');
		const all = await shownStudies(page);
		await check(page, 'design', 'randomised');
		await expect(page).toHaveURL(/\?design=randomised$/);
		const randomised = expectedStudies({ design: ['randomised'] });
		await expect.poll(() => shownStudies(page)).toEqual(randomised);

		await check(page, 'age', 'child');
		await expect(page).toHaveURL(/\?age=child&design=randomised$/);
		const both = expectedStudies({ age: ['child'], design: ['randomised'] });
		await expect.poll(() => shownStudies(page)).toEqual(both);

		await page.goBack();
		await expect(page).toHaveURL(/\?design=randomised$/);
		await expect.poll(() => shownStudies(page)).toEqual(randomised);
		await expect(
			page.locator('fieldset[data-dimension="age"] input[value="child"]')
		).not.toBeChecked();

		await page.goBack();
		await expect.poll(() => shownStudies(page)).toEqual(all);

		await page.goForward();
		await page.goForward();
		await expect(page).toHaveURL(/\?age=child&design=randomised$/);
		await expect.poll(() => shownStudies(page)).toEqual(both);
		await expect(page.locator('fieldset[data-dimension="age"] input[value="child"]')).toBeChecked();
	});

	test('a source filter keeps only figures from that kind of source', async ({ page }) => {
		const regulatory = new Set(
			(dataset.sources as { id: string; kind: string }[])
				.filter((s) => s.kind === 'regulatory' || s.kind === 'label')
				.map((s) => s.id)
		);
		await page.goto('/');
		await check(page, 'source', 'publication');
		await expect(page).toHaveURL(/\?source=publication$/);
		const shown = await page
			.locator('main article[data-study-id] [data-result-id]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id') ?? ''));
		const byId = new Map(dataset.studies.flatMap(allResultsOf).map((r) => [r.id, r]));
		expect(shown.length).toBeGreaterThan(0);
		for (const id of shown) expect(regulatory.has(byId.get(id)!.provenance.sourceId)).toBe(false);
	});

	test('compare two studies picked from their cards', async ({ page }) => {
		const [a, b] = dataset.studies.filter((s) => s.design === 'randomised');
		await page.goto('/');
		const toggleA = page
			.locator(`article[data-study-id="${a.id}"] [data-testid="compare-toggle"]`)
			.first();
		// Before hydration the link goes straight to /compare; once the page runs, it picks.
		await expect(toggleA).toHaveAttribute('href', new RegExp(`\\?compare=${a.id}$`));
		await toggleA.click();
		await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id}$`));
		await expect(page.getByTestId('compare-tray')).toContainText(a.name);
		await page
			.locator(`article[data-study-id="${b.id}"] [data-testid="compare-toggle"]`)
			.first()
			.click();
		await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id},${b.id}$`));

		await page.getByTestId('compare-go').click();
		await expect(page).toHaveURL(new RegExp(`/compare/\\?studies=${a.id},${b.id}$`));
		const table = page.getByTestId('compare-table');
		await expect(table.locator('thead th[data-study-id]')).toHaveCount(2);
		await expect(table.locator(`thead th[data-study-id="${a.id}"]`)).toContainText(a.name);
		await expect(table.locator(`thead th[data-study-id="${b.id}"]`)).toContainText(b.name);
		// Every result of both studies is in the table, each with its source.
		for (const study of [a, b])
			for (const result of allResultsOf(study))
				await expect(table.locator(`[data-result-id="${result.id}"]`)).toHaveCount(1);

		// The picker shows the selection; adding a third study from it extends the URL.
		const third = dataset.studies.find((s) => s.id !== a.id && s.id !== b.id)!;
		await page.getByTestId('compare-picker').locator('summary').click();
		await page.locator(`input[name="studies"][value="${third.id}"]`).check();
		await expect(page).toHaveURL(new RegExp(`studies=${a.id},${b.id},${third.id}$`));
		await expect(table.locator('thead th[data-study-id]')).toHaveCount(3);
	});

	test('the compare page without a selection offers the picker', async ({ page }) => {
		await page.goto('/compare');
		await expect(page.getByTestId('compare-empty')).toBeVisible();
		await expect(page.locator('input[name="studies"]')).toHaveCount(dataset.studies.length);
	});

	test('an unknown id leads to a 404 page with ways back', async ({ page }) => {
		for (const path of ['/studies/no-such-study', '/indications/no-such-indication']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
			await expect(page.getByTestId('not-found')).toBeVisible();
			await expect(page.locator('h1')).toHaveText('Page not found');
		}
		await page.getByRole('link', { name: 'The overview of all studies' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.locator('main article[data-study-id]').first()).toBeVisible();
	});

	test('a 404 for a mistyped study suggests the study', async ({ page }) => {
		const study = dataset.studies[0];
		await page.goto(`/studies/${study.id}x`);
		await expect(
			page.getByTestId('not-found').getByRole('link', { name: study.name })
		).toBeVisible();
	});

	test('every discrepancy appears on its study page (or the safety page) with each figure side by side', async ({
		page
	}) => {
		expect(dataset.discrepancies.length).toBeGreaterThan(0);
		for (const discrepancy of dataset.discrepancies) {
			// One between label versions has no study: the safety page shows it.
			await page.goto(discrepancy.studyId ? `/studies/${discrepancy.studyId}` : '/safety');
			const panel = page.locator(`[data-discrepancy-id="${discrepancy.id}"]`);
			await expect(panel, discrepancy.id).toBeVisible();
			for (const id of discrepancy.itemIds)
				await expect(
					panel.locator(`[data-item-id="${id}"]`),
					`${discrepancy.id}: ${id}`
				).toBeVisible();
		}
	});

	test('a study page shows every result, with a printed or computed interval', async ({ page }) => {
		for (const study of dataset.studies) {
			await page.goto(`/studies/${study.id}`);
			for (const result of allResultsOf(study)) {
				const row = page.locator(`tr[data-row-result-id="${result.id}"]`);
				await expect(row, result.id).toBeVisible();
				const origin = await row.locator('td.interval').getAttribute('data-ci-origin');
				if (result.ci) expect(origin, result.id).toBe('printed');
				else if (
					result.events !== undefined &&
					result.total !== undefined &&
					(result as { unit?: string }).unit === 'percent'
				) {
					expect(origin, result.id).toBe('computed');
					await expect(row).toContainText('computed, Clopper–Pearson');
				} else expect(origin, result.id).toBe('none');
			}
		}
	});

	test('randomised studies with counts on both arms show two-arm effects', async ({ page }) => {
		const counted = (study: RawStudy) =>
			study.endpoints.some((e) => {
				const roles = new Map(study.arms.map((a) => [a.id, a.role]));
				const withCounts = e.results.filter(
					(r) => r.events !== undefined && r.total !== undefined
				) as (ReturnType<typeof allResultsOf>[number] & { armId?: string })[];
				return (
					withCounts.some((r) => roles.get(r.armId ?? '') === 'experimental') &&
					withCounts.some((r) => roles.get(r.armId ?? '') === 'comparator')
				);
			});
		const studies = dataset.studies.filter((s) => s.design === 'randomised' && counted(s));
		expect(studies.length).toBeGreaterThan(0);
		for (const study of studies) {
			await page.goto(`/studies/${study.id}`);
			const section = page.getByTestId('two-arm-effects');
			await expect(section).toBeVisible();
			for (const effect of ['risk-difference', 'risk-ratio', 'odds-ratio', 'nnt', 'fisher'])
				await expect(section.locator(`tr[data-effect="${effect}"]`).first()).toBeVisible();
			await expect(section).toContainText('Newcombe');
			await expect(section).toContainText('Fisher');
		}
	});

	test('the sources page lists every source and links its figures to their studies', async ({
		page
	}) => {
		await page.goto('/sources');
		for (const source of dataset.sources)
			await expect(page.locator(`li[data-source-id="${source.id}"]`)).toBeVisible();
		const stored = dataset.sources.find((s) => s.file)!;
		const entry = page.locator(`li[data-source-id="${stored.id}"]`);
		await expect(entry.getByTestId('source-notice')).toBeVisible();
		const figure = dataset.studies
			.flatMap((s) => allResultsOf(s).map((r) => ({ s, r })))
			.find(({ r }) => r.provenance.sourceId === stored.id)!;
		await entry.locator(`li[data-result-id="${figure.r.id}"]`).getByTestId('figure-link').click();
		await expect(page).toHaveURL(new RegExp(`/studies/${figure.s.id}/#result-${figure.r.id}$`));
	});

	test('the header search finds a study by its registry id, with the keyboard', async ({
		page
	}) => {
		const study = dataset.studies.find((s) => (s as { registryId?: string }).registryId)!;
		const registryId = (study as { registryId?: string }).registryId!;
		await page.goto('/');
		await expect(page.locator('[data-testid="search-box"][data-ready]')).toHaveCount(1);
		const box = page.getByRole('combobox', { name: 'Search studies and indications' });
		await box.fill(registryId.toLowerCase());
		await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(study.name);
		await box.press('ArrowDown');
		await box.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/studies/${study.id}/$`));
	});

	test('the search page reads its query from the URL', async ({ page }) => {
		const study = dataset.studies[1];
		await page.goto(`/search?q=${encodeURIComponent(study.name)}`);
		await expect(
			page.getByTestId('search-results').locator(`li[data-id="${study.id}"]`)
		).toBeVisible();
	});
});

test.describe('accessibility', () => {
	const study = dataset.studies.find((s) => s.design === 'randomised')!;
	const pages = [
		'/?age=adult&design=randomised',
		`/indications/${indications[0].id}`,
		`/studies/${study.id}`,
		`/compare?studies=${dataset.studies[0].id},${study.id}`,
		'/compare',
		'/sources',
		'/search?q=ph',
		'/studies/no-such-study',
		`/nl/studies/${study.id}`
	];
	for (const scheme of ['light', 'dark'] as const)
		for (const path of pages)
			test(`${path} has no axe violations (${scheme})`, async ({ page }) => {
				test.slow(); // axe over a page full of figures and charts takes a while
				await page.emulateMedia({ colorScheme: scheme });
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				const results = await new AxeBuilder({ page }).analyze();
				expect(results.violations, `${path} (${scheme})`).toEqual([]);
			});

	test('an open provenance panel has no axe violations', async ({ page }) => {
		const { study: quoted, result } = quotedHeadline();
		await page.goto(`/studies/${quoted.id}`);
		await page.locator(`tr[data-row-result-id="${result.id}"] summary`).first().click();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations).toEqual([]);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the filter form says honestly that it cannot filter, and every study is shown', async ({
		page
	}) => {
		await page.goto('/?design=randomised');
		// Chromium with scripting switched off by the test does not render <noscript> as a real
		// browser without JavaScript would, so check that the note is in the page's HTML.
		expect(await page.content()).toMatch(/<noscript[^>]*>.*Filters need JavaScript/s);
		await expect(page.getByTestId('filter-bar').locator('input').first()).toBeDisabled();
		expect(await shownStudies(page)).toEqual(dataset.studies.map((s) => s.id).sort());
	});

	test('study pages and their provenance work without JavaScript', async ({ page }) => {
		const { study, result } = quotedHeadline();
		await page.goto(`/studies/${study.id}`);
		await expect(page.locator('h1')).toHaveText(study.name);
		const row = page.locator(`tr[data-row-result-id="${result.id}"]`);
		await row.locator('summary').first().click();
		await expect(row.getByTestId('provenance-quote')).toBeVisible();
	});
});
