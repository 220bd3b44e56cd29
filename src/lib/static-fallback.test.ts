import { describe, expect, it } from 'vitest';
import { isMissingData, withRootDataFallback } from './static-fallback';

const origin = 'http://host.test';
const layoutNode = { type: 'data', data: [{ dataset: 1 }, 'embedded'], uses: {} };
const rootData = JSON.stringify({ type: 'data', nodes: [layoutNode, null] });

/** A host: prerendered files by path; a miss answers like 404.html or 200.html hosts do. */
function host(miss: 404 | 200, files: Record<string, string> = { '/base/__data.json': rootData }) {
	const requests: string[] = [];
	const fetcher = (async (input: RequestInfo | URL) => {
		const url = new URL(String(input), origin);
		requests.push(url.pathname);
		const file = files[url.pathname];
		if (file !== undefined)
			return new Response(file, { status: 200, headers: { 'content-type': 'application/json' } });
		return new Response('<!doctype html><p>fallback', {
			status: miss,
			headers: { 'content-type': 'text/html' }
		});
	}) as typeof fetch;
	return { fetcher, requests };
}

describe('isMissingData', () => {
	it.each([
		['/studies/x/__data.json', 404, 'text/html', true],
		['/studies/x/__data.json', 200, 'text/html; charset=utf-8', true],
		['/studies/x/__data.json', 200, 'application/json', false],
		['/studies/x/__data.json', 500, 'text/html', false],
		['/studies/x/', 404, 'text/html', false],
		['/data/x.json', 404, 'text/html', false]
	])('%s answered %i %s → %s', (path, status, type, expected) => {
		const response = new Response('', { status, headers: { 'content-type': type } });
		expect(isMissingData(new URL(path, origin), response)).toBe(expected);
	});
});

describe('withRootDataFallback', () => {
	it.each([404, 200] as const)(
		'answers a missing __data.json with the root layout node (misses answer %i)',
		async (miss) => {
			const { fetcher, requests } = host(miss);
			const wrapped = withRootDataFallback(fetcher, origin, '/base/__data.json');
			const response = await wrapped(
				`${origin}/base/studies/imported/__data.json?x-sveltekit-invalidated=11`
			);
			expect(response.status).toBe(200);
			expect(JSON.parse(await response.text())).toEqual({ type: 'data', nodes: [layoutNode] });
			// Read once, then reused.
			await wrapped(`${origin}/base/nope/__data.json`);
			expect(requests.filter((path) => path === '/base/__data.json')).toHaveLength(1);
		}
	);

	it('passes through everything else unchanged', async () => {
		const { fetcher } = host(404, { '/base/__data.json': rootData, '/base/x/__data.json': '{}' });
		const wrapped = withRootDataFallback(fetcher, origin, '/base/__data.json');
		expect(await (await wrapped(`${origin}/base/x/__data.json`)).text()).toBe('{}');
		expect((await wrapped(`${origin}/base/missing.png`)).status).toBe(404);
		expect((await wrapped('http://elsewhere.test/x/__data.json')).status).toBe(404);
	});

	it('leaves the miss as it is when the root data cannot be read', async () => {
		const { fetcher } = host(404, {});
		const wrapped = withRootDataFallback(fetcher, origin, '/base/__data.json');
		expect((await wrapped(`${origin}/base/x/__data.json`)).status).toBe(404);
	});
});
