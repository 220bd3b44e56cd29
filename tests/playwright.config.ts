import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot work on our machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Parallel work trees each get their own port (E2E_PORT) so their preview servers never collide.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'e2e',
	outputDir: '../test-results',
	workers: 1,
	// axe on a page full of SVG marks takes tens of seconds on two cores.
	timeout: 90_000,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: 'list',
	use: { baseURL, trace: 'off', acceptDownloads: true },
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-dev-shm-usage',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: {
		command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${port} --strictPort`,
		cwd: '..',
		url: baseURL,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
