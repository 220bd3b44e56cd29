/**
 * Older files and the published format: a version-1 file imports with a notice of what was
 * converted, an export of it is version 2, and the JSON Schema is served from the built site.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const v1Path = join(import.meta.dirname, '..', 'fixtures', 'synthetic-dataset.json');
const v1 = JSON.parse(readFileSync(v1Path, 'utf8')) as {
	schemaVersion: number;
	studies: { arms: { treatment: string }[] }[];
};
const armTexts = [...new Set(v1.studies.flatMap((s) => s.arms.map((a) => a.treatment)))];

async function importV1(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	await page.getByTestId('dataset-file').setInputFiles(v1Path);
	await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('a version-1 file is previewed with a notice of what its conversion to version 2 inferred', async ({
	page
}) => {
	expect(v1.schemaVersion).toBe(1);
	await importV1(page, '/data');
	const notice = page.getByTestId('migration-notice');
	await expect(notice).toBeVisible();
	await expect(notice.getByRole('heading')).toHaveText(
		'Converted from format version 1 to version 2'
	);
	await expect(notice).toContainText('your file is unchanged');
	// The facets come from the dataset's own (migrated) declaration, not from code.
	await expect(notice).toContainText('became the facets');
	// One treatment per distinct arm text, each with its guessed kind, to be checked.
	await expect(notice).toContainText(`Treatments: ${armTexts.length} made from the arms`);
	const treatments = page.getByTestId('migration-treatments').getByRole('listitem');
	await expect(treatments).toHaveCount(armTexts.length);
	for (const text of armTexts) await expect(treatments.filter({ hasText: text })).toHaveCount(1);
	await expect(notice).toContainText('exports of this dataset are written in version 2');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// Activated, the dataset downloads as version 2.
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-json').click()
	]);
	const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(exported.schemaVersion).toBe(2);
	expect(exported.treatments).toHaveLength(armTexts.length);

	// A version-2 file (the one just exported) imports without the notice.
	await page.getByTestId('dataset-file').setInputFiles({
		name: 'exported.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(exported))
	});
	await expect(page.getByTestId('import-preview')).toBeVisible();
	await expect(page.getByTestId('migration-notice')).toHaveCount(0);
});

test('the notice is in Dutch on the Dutch page', async ({ page }) => {
	await importV1(page, '/nl/data');
	const notice = page.getByTestId('migration-notice');
	await expect(notice.getByRole('heading')).toHaveText('Omgezet van formaatversie 1 naar versie 2');
	await expect(notice).toContainText('uw bestand is niet veranderd');
	await expect(notice).toContainText('keuze van de onderzoeker');
});

test('the data page links the JSON Schema of the format, served as a static file', async ({
	page,
	request
}) => {
	await page.goto('/data');
	const link = page.getByTestId('schema-link');
	await expect(link).toHaveText('JSON Schema of format version 2');
	const href = await link.getAttribute('href');
	expect(href).toBe('/schema/dataset-v2.json');
	const response = await request.get(href!);
	expect(response.ok()).toBe(true);
	const schema = await response.json();
	expect(schema.$id).toBe('/schema/dataset-v2.json');
	expect(schema.title).toBe('Trial-evidence dataset, format version 2');
	expect(schema.properties.schemaVersion).toEqual({ const: 2 });
	expect(schema.description).toContain('References resolve');
});
