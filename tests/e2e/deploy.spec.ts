/**
 * The built site on real static hosts (issue: works on any static host and under any path).
 * nginx and the strict static server (tests/deploy/) serve build/ and a sub-path build
 * (BASE_PATH, build-subpath/); every prerendered page is crawled in both languages, and deep
 * links into an imported dataset are reloaded on each kind of fallback (404.html, 200.html).
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
	BASE_PATH,
	buildSubpathSite,
	host,
	siteDir,
	startNginx,
	startStrictServers,
	type Host,
	type HostName,
	type Running
} from '../deploy/servers';

const fixturePath = join(import.meta.dirname, '..', 'fixtures', 'synthetic-dataset.json');
/** A study that only the synthetic fixture has (the embedded dataset prerenders none of it). */
const importedStudy = { id: 'exa-201', name: 'EXA-201' };

/** Every prerendered page of build/, as a path relative to the site (`''`, `nl/`, `studies/x/`). */
function prerenderedPages(dir: string): string[] {
	const pages: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory() && entry.name !== '_app') walk(path);
			else if (entry.name === 'index.html') {
				const page = relative(dir, folder).split(sep).join('/');
				pages.push(page ? `${page}/` : '');
			}
		}
	};
	walk(dir);
	return pages.sort();
}

let servers: Running[] = [];

test.beforeAll(async () => {
	test.setTimeout(240_000);
	buildSubpathSite();
	servers = [await startNginx(), await startStrictServers()];
});

test.afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
	servers = [];
});

/** Requests that failed or answered an error, and script errors, while `work` ran. */
async function collectFailures(page: Page, work: () => Promise<void>): Promise<string[]> {
	const failures: string[] = [];
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? 'failed';
		// A request the browser itself dropped because the page moved on (a reload while the
		// favicon loads) is not an answer from the host.
		if (reason === 'net::ERR_ABORTED') return;
		failures.push(`${request.url()}: ${reason}`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
	});
	page.on('pageerror', (error) => failures.push(`script error: ${error.message}`));
	await work();
	return failures;
}

const crawls: { hostName: HostName; checkLinks: boolean }[] = [
	{ hostName: 'strictRoot', checkLinks: true },
	{ hostName: 'nginxRoot', checkLinks: false },
	{ hostName: 'strictSubpath', checkLinks: true }
];

for (const { hostName, checkLinks } of crawls) {
	for (const locale of ['en', 'nl'] as const) {
		test(`every ${locale} page answers 200 with its styles and scripts on ${hostName}`, async ({
			page
		}) => {
			test.setTimeout(300_000);
			const site: Host = host(hostName);
			const pages = prerenderedPages(site.dir).filter((path) =>
				locale === 'nl' ? path.startsWith('nl/') : !path.startsWith('nl/')
			);
			expect(pages.length, 'pages found in the build').toBeGreaterThan(20);
			const links = new Set<string>();
			const failures = await collectFailures(page, async () => {
				for (const path of pages) {
					const address = site.origin + path;
					const response = await page.goto(address);
					expect(response?.status(), address).toBe(200);
					expect(response?.url(), `${address} answered without a redirect`).toBe(address);
					await expect(page.locator('html'), `${address} ran its scripts`).toHaveAttribute(
						'data-hydrated',
						'true'
					);
					await expect(page.locator('html')).toHaveAttribute('lang', locale);
					// Style sheets a component adds once the page runs may still be loading: wait.
					await expect
						.poll(
							() =>
								page.evaluate(() => {
									const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
									const loaded = sheets.filter((link) => (link as HTMLLinkElement).sheet);
									return `${loaded.length} of ${sheets.length}`;
								}),
							{ message: `${address} loaded every style sheet` }
						)
						.toMatch(/^([1-9]\d*) of \1$/);
					// Let the page finish what it loads (lazy chunks) before leaving it: a request the
					// crawl itself aborts by moving on is not a failure of the host.
					await page.waitForLoadState('networkidle');
					for (const href of await page
						.locator('a[href]')
						.evaluateAll((anchors) =>
							anchors.map((a) => new URL(a.getAttribute('href') ?? '', location.href).href)
						))
						links.add(href.split('#')[0]);
				}
			});
			expect(failures, 'failed requests and script errors').toEqual([]);

			if (!checkLinks) return;
			// Every link on those pages is a file this host serves as it is: no redirect, no miss.
			const origin = new URL(site.origin).origin;
			const broken: string[] = [];
			for (const link of links) {
				if (!link.startsWith(origin)) continue;
				expect(link.startsWith(site.origin), `${link} stays under ${site.origin}`).toBe(true);
				const response = await fetch(link, { redirect: 'manual' });
				if (response.status !== 200) broken.push(`${response.status} ${link}`);
				await response.arrayBuffer();
			}
			expect(broken, 'links that the strict host does not serve directly').toEqual([]);
			expect(links.size).toBeGreaterThan(pages.length);
		});
	}
}

async function importSynthetic(page: Page, site: Host, locale: 'en' | 'nl') {
	await page.goto(`${site.origin}${locale === 'nl' ? 'nl/' : ''}data/`);
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	await page.getByTestId('dataset-file').setInputFiles(fixturePath);
	await expect(page.getByTestId('import-preview')).toBeVisible();
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible();
}

const deepLinks: { hostName: HostName; locale: 'en' | 'nl' }[] = [
	{ hostName: 'nginxRoot', locale: 'en' },
	{ hostName: 'nginxRewrite', locale: 'nl' },
	{ hostName: 'nginxSubpath', locale: 'nl' },
	{ hostName: 'strictSubpath', locale: 'en' },
	{ hostName: 'strictRewrite', locale: 'en' }
];

for (const { hostName, locale } of deepLinks) {
	test(`a study of an imported dataset survives a reload and a new tab on ${hostName} (${locale})`, async ({
		page,
		context
	}) => {
		const site = host(hostName);
		const failures = await collectFailures(page, async () => {
			await importSynthetic(page, site, locale);
			await page.goto(`${site.origin}${locale === 'nl' ? 'nl/' : ''}`);
			await page.getByRole('link', { name: importedStudy.name, exact: true }).first().click();
			const studyAddress = `${site.origin}${locale === 'nl' ? 'nl/' : ''}studies/${importedStudy.id}/`;
			await expect(page).toHaveURL(studyAddress);
			await expect(page.locator('h1')).toHaveText(importedStudy.name);

			// The address is not a prerendered page: the host answers with its fallback page.
			const reloaded = await page.reload();
			expect(reloaded?.status()).toBe(site.miss);
			await expect(page.locator('h1')).toHaveText(importedStudy.name, { timeout: 15_000 });
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByTestId('imported-banner')).toBeVisible();
		});
		// The fallback page itself answers 404 on hosts that serve 404.html; nothing else fails.
		expect(failures.filter((line) => !line.startsWith(`404 ${site.origin}`))).toEqual([]);

		const tab = await context.newPage();
		await tab.goto(`${site.origin}${locale === 'nl' ? 'nl/' : ''}studies/${importedStudy.id}/`);
		await expect(tab.locator('h1')).toHaveText(importedStudy.name, { timeout: 15_000 });
	});
}

test('a study of a stored import that is not the active dataset is shown from its address', async ({
	page
}) => {
	const site = host('strictRoot');
	await importSynthetic(page, site, 'en');
	// Back to the embedded dataset: the import stays stored, but is not the one shown.
	await page.getByTestId('dataset-switcher').getByRole('radio').first().check();
	await expect(page.getByTestId('imported-banner')).toHaveCount(0);
	await page.goto(`${site.origin}studies/${importedStudy.id}/`);
	await expect(page.locator('h1')).toHaveText(importedStudy.name, { timeout: 15_000 });
	await expect(page.getByTestId('imported-banner')).toBeVisible();
});

for (const hostName of ['strictRoot', 'nginxRewrite', 'strictSubpath'] as const) {
	test(`an unknown address shows the dashboard's not-found page with a search on ${hostName}`, async ({
		page
	}) => {
		const site = host(hostName);
		for (const [path, heading] of [
			['no/such/page/', 'Page not found'],
			['studies/no-such-study/', 'Page not found'],
			['nl/geen/pagina/', 'Pagina niet gevonden']
		] as const) {
			const response = await page.goto(site.origin + path);
			expect(response?.status(), path).toBe(site.miss);
			await expect(page.getByTestId('not-found')).toBeVisible({ timeout: 15_000 });
			await expect(page.getByTestId('not-found').locator('h1')).toHaveText(heading);
			await expect(page.getByTestId('search-box')).toBeVisible();
			// The ways back lead into this site, under its base path.
			for (const href of await page
				.getByTestId('not-found')
				.locator('a')
				.evaluateAll((anchors) =>
					anchors.map((a) => new URL(a.getAttribute('href') ?? '', location.href).href)
				))
				expect(href.startsWith(site.origin), href).toBe(true);
		}
	});
}

test('the sub-path build leaves the site that vite preview serves (and the other specs test) alone', async ({
	request
}) => {
	const home = await (await request.get('/')).text();
	expect(home).toContain('/_app/immutable/');
	expect(home).not.toContain(BASE_PATH);
});

test('the build has both fallback pages and no page in the old <name>.html layout', () => {
	const top = readdirSync(siteDir);
	expect(top).toContain('404.html');
	expect(top).toContain('200.html');
	expect(top.filter((name) => name.endsWith('.html')).sort()).toEqual([
		'200.html',
		'404.html',
		'index.html'
	]);
});
