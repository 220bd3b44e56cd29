/**
 * Fault tests: each injects one fault a user's browser can have (a damaged database, a stuck
 * worker, no storage, a second tab, …) and checks that nothing is lost, the page keeps working
 * and the user is told, where they are looking, what happened and what to do.
 *
 * Browser faults are injected with init scripts (before any page script runs). Damaged stored
 * records are written with the page's own IndexedDB, as another program or an older version of
 * the site could have left them.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/lib/evidence/csv';

const fixturePath = join(import.meta.dirname, '..', 'fixtures', 'synthetic-dataset.json');
const fixtureText = readFileSync(fixturePath, 'utf8');
const fixture = JSON.parse(fixtureText) as { medicine: { name: string }; studies: unknown[] };
const DATABASE = 'trial-evidence';

const file = (name: string, text: string | Buffer, mimeType = 'application/json') => ({
	name,
	mimeType,
	buffer: typeof text === 'string' ? Buffer.from(text) : text
});

async function openData(page: Page) {
	await page.goto('/data');
	// The picker only works once the page is hydrated; the switcher appears at the same time.
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
}

async function importAndActivate(page: Page) {
	await openData(page);
	await page.getByTestId('dataset-file').setInputFiles(fixturePath);
	await expect(page.getByTestId('import-preview')).toBeVisible();
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible();
}

/** Runs `write(db)` against the site's database in the page (the database must exist). */
async function writeStored(page: Page, store: string, key: string, value: 'number' | 'nested') {
	await page.evaluate(
		async ({ database, store, key, value }) => {
			let stored: unknown = 42;
			if (value === 'nested') {
				// 2,000 levels: far deeper than any dataset, deep enough to break naive recursion.
				let deep: Record<string, unknown> = {};
				stored = deep;
				for (let i = 0; i < 2000; i++) deep = (deep.next = {}) as Record<string, unknown>;
			}
			await new Promise<void>((resolve, reject) => {
				const request = indexedDB.open(database);
				request.onsuccess = () => {
					const tx = request.result.transaction(store, 'readwrite');
					tx.objectStore(store).put(stored, key);
					tx.oncomplete = () => {
						request.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				request.onerror = () => reject(request.error);
			});
		},
		{ database: DATABASE, store, key, value }
	);
}

async function activeKey(page: Page): Promise<string> {
	return page.evaluate(
		(database) =>
			new Promise<string>((resolve, reject) => {
				const request = indexedDB.open(database);
				request.onsuccess = () => {
					const get = request.result.transaction('settings').objectStore('settings').get('active');
					get.onsuccess = () => {
						request.result.close();
						resolve(get.result as string);
					};
				};
				request.onerror = () => reject(request.error);
			}),
		DATABASE
	);
}

test('1: a malformed stored record is reported and can be removed; the other imports stay', async ({
	page
}) => {
	await importAndActivate(page);
	await writeStored(page, 'entries', 'broken-record', 'number');
	await page.reload();
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	// The valid import is still listed and still shown everywhere.
	await expect(page.getByTestId('library-entry')).toHaveCount(1);
	await expect(page.getByTestId('imported-banner')).toContainText(fixture.medicine.name);
	const damaged = page.getByTestId('damaged-entry');
	await expect(damaged).toHaveCount(1);
	await expect(damaged).toContainText('broken-record');
	await damaged.getByRole('button', { name: /Remove/ }).click();
	await expect(damaged).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('library-entry')).toHaveCount(1);
	await expect(page.getByTestId('damaged-entry')).toHaveCount(0);
});

test('2: a deeply nested stored dataset is set aside with a message; the library still shows', async ({
	page
}) => {
	await importAndActivate(page);
	await writeStored(page, 'datasets', await activeKey(page), 'nested');
	await page.reload();
	await expect(page.getByTestId('dataset-switcher')).toBeVisible({ timeout: 15_000 });
	const problem = page.getByTestId('storage-problem');
	await expect(problem).toContainText('nested');
	await expect(problem).toContainText('Import the file again');
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	await expect(page.getByTestId('summary-medicine').first()).not.toContainText(
		fixture.medicine.name
	);
});

test('3: a worker that never answers can be cancelled, and times out with a message', async ({
	page
}) => {
	await page.addInitScript(() => {
		// A worker that loads but never answers.
		class SilentWorker extends EventTarget {
			onmessage = null;
			onerror = null;
			onmessageerror = null;
			postMessage() {}
			terminate() {}
		}
		Object.defineProperty(window, 'Worker', { value: SilentWorker, configurable: true });
	});
	await page.clock.install();
	await openData(page);
	const input = page.getByTestId('dataset-file');
	await input.setInputFiles(fixturePath);
	await expect(page.getByTestId('import-checking')).toBeVisible();
	await page.getByTestId('import-cancel').click();
	const stopped = page.getByTestId('import-stopped');
	await expect(stopped).toBeFocused();
	await expect(stopped).toContainText('Choose the file again');
	await expect(input).toBeEnabled();

	await input.setInputFiles(fixturePath);
	await expect(page.getByTestId('import-checking')).toBeVisible();
	await page.clock.fastForward(61_000);
	await expect(stopped).toBeFocused();
	await expect(stopped).toContainText('did not finish');
	await expect(input).toBeEnabled();
});

test('4a: a full storage (quota) keeps the dataset for this visit, said beside the button', async ({
	page
}) => {
	await page.addInitScript(() => {
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await openData(page);
	await page.getByTestId('dataset-file').setInputFiles(fixturePath);
	await page.getByTestId('import-activate').click();
	const notice = page.getByTestId('session-only');
	await expect(notice).toBeFocused();
	await expect(notice).toContainText('no room');
	await expect(notice).toContainText('this visit');
	await expect(page.getByTestId('imported-banner')).toContainText(fixture.medicine.name);
});

test('4b: without IndexedDB a valid import is shown for this visit, with a plain notice', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
	});
	await openData(page);
	await page.getByTestId('dataset-file').setInputFiles(fixturePath);
	await page.getByTestId('import-activate').click();
	const notice = page.getByTestId('session-only');
	await expect(notice).toBeFocused();
	await expect(notice).toContainText('this visit');
	await page.getByRole('link', { name: 'Go to the overview' }).click();
	await expect(page.locator('h1')).toContainText(fixture.medicine.name);
	await expect(page.getByTestId('imported-banner')).toContainText('this visit');
});

test('5: when another tab removes the shown dataset, this tab says so and falls back', async ({
	page,
	context
}) => {
	await importAndActivate(page);
	const other = await context.newPage();
	await openData(other);
	await expect(other.getByTestId('library-entry')).toHaveCount(1);
	await expect(other.getByTestId('imported-banner')).toBeVisible();

	await page.getByRole('button', { name: `Remove ${fixture.medicine.name}` }).click();
	await expect(page.getByTestId('library-entry')).toHaveCount(0);

	await expect(other.getByTestId('library-entry')).toHaveCount(0);
	await expect(other.getByTestId('imported-banner')).toHaveCount(0);
	const problem = other.getByTestId('storage-problem');
	await expect(problem).toContainText('another tab');
	await expect(problem).not.toContainText('validation');
});

test('6: a database without object stores is repaired on open', async ({ page }) => {
	await page.goto('/examples/synthetic-dataset.json');
	await page.evaluate(
		(database) =>
			new Promise<void>((resolve, reject) => {
				// Version 1 and no stores, as a failed first upgrade can leave it.
				const request = indexedDB.open(database, 1);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			}),
		DATABASE
	);
	await importAndActivate(page);
	await page.reload();
	await expect(page.getByTestId('library-entry')).toHaveCount(1);
	await expect(page.getByTestId('imported-banner')).toContainText(fixture.medicine.name);
});

test('8: a semicolon-separated CSV is read as its comma twin is, and the separator is named', async ({
	page,
	request
}) => {
	// The embedded dataset's own CSV, and the same records with semicolons between cells.
	const csv = await (await request.get('/data/dataset.csv')).text();
	const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
	const semicolons = parseCsv(csv)
		.records.map((r) => r.cells.map(quote).join(';'))
		.join('\r\n');
	const outcomeOf = async (name: string, text: string) => {
		await openData(page);
		await page.getByTestId('dataset-file').setInputFiles(file(name, text, 'text/csv'));
		const outcome = page.getByTestId('import-preview').or(page.getByTestId('import-errors'));
		await expect(outcome).toBeVisible();
		return outcome;
	};
	const comma = await outcomeOf('commas.csv', csv);
	const commaKind = await comma.getAttribute('data-testid');
	const commaText = await comma.innerText();
	await expect(comma.getByTestId('csv-separator')).toHaveCount(0);

	const semicolon = await outcomeOf('semicolons.csv', semicolons);
	expect(await semicolon.getAttribute('data-testid')).toBe(commaKind);
	await expect(semicolon.getByTestId('csv-separator')).toContainText('semicolons');
	await expect(semicolon).not.toContainText('quote inside an unquoted cell');
	// Exactly the same outcome otherwise (summary, or the same issues at the same places).
	const withoutNote = (await semicolon.innerText())
		.replace(await semicolon.getByTestId('csv-separator').innerText(), '')
		.replace('semicolons.csv', 'commas.csv');
	expect(withoutNote.replace(/\s+/g, ' ')).toBe(commaText.replace(/\s+/g, ' '));
});

test('9: a file one byte over the limit is refused with a message that adds up', async ({
	page
}) => {
	await openData(page);
	await page
		.getByTestId('dataset-file')
		.setInputFiles(file('big.json', Buffer.alloc(20_000_001, 0x20)));
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('20,000,001 bytes');
	await expect(errors).toContainText('20,000,000 bytes');
	await expect(errors).not.toContainText('20.0 MB');
});

test('10: the statistics load without a script-src (eval) CSP violation', async ({ page }) => {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	const violations = () =>
		page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
	await page.goto('/methods');
	await page.waitForLoadState('networkidle');
	expect(await violations()).toEqual([]);
	// Importing a dataset loads the statistics engine as well.
	await importAndActivate(page);
	await page.waitForLoadState('networkidle');
	expect(await violations()).toEqual([]);
});

test('the import still works when the Web Worker cannot start (main thread fallback)', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'Worker', {
			value: function BrokenWorker() {
				throw new Error('workers are blocked');
			},
			configurable: true
		});
	});
	await importAndActivate(page);
	await expect(page.getByTestId('imported-banner')).toContainText(fixture.medicine.name);
});
