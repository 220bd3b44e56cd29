/**
 * Deep links on a static host. An address the build did not prerender (a study of an imported
 * dataset, a mistyped path) gets the fallback page (404.html or 200.html, see svelte.config.js),
 * which boots the app in the browser. SvelteKit then asks for the address's `__data.json` (the
 * root layout's data: the embedded dataset and its precomputed figures), and there is none: the
 * host answers 404, or, when it rewrites every miss to 200.html, that HTML page.
 *
 * Such a miss is answered here with the root layout's data of the prerendered home page
 * (`<base>/__data.json`), which is the same on every page. Pages below the root layout load
 * nothing on the server, so the route then renders in the browser as after a link: a study of
 * the active imported dataset shows, an unknown one shows the not-found page with suggestions.
 * SvelteKit reads `window.fetch` at call time precisely so that it can be wrapped like this.
 */

const DATA_SUFFIX = '/__data.json';

type Fetch = typeof fetch;

interface DataNode {
	type: string;
}

interface NodesResponse {
	type: string;
	nodes?: (DataNode | null)[];
}

function requestUrl(input: RequestInfo | URL, origin: string): URL {
	const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	return new URL(href, origin);
}

/** A data request the host could not answer: 404, or a rewrite to an HTML page (200.html). */
export function isMissingData(url: URL, response: Response): boolean {
	if (!url.pathname.endsWith(DATA_SUFFIX)) return false;
	if (response.status === 404) return true;
	return response.ok && (response.headers.get('content-type') ?? '').includes('text/html');
}

/**
 * A fetch that answers missing `__data.json` requests of this origin with the root layout's
 * data from `rootDataPath`; every other request, and a failure to read that file, goes
 * through unchanged (SvelteKit then shows its error page, as without the wrapper).
 */
export function withRootDataFallback(
	nativeFetch: Fetch,
	origin: string,
	rootDataPath: string
): Fetch {
	let rootLayout: Promise<DataNode | null> | undefined;
	const readRootLayout = () =>
		(rootLayout ??= nativeFetch(new URL(rootDataPath, origin).href)
			.then(async (response) => {
				if (!response.ok) return null;
				const parsed = (await response.json()) as NodesResponse;
				const layout = parsed.type === 'data' ? parsed.nodes?.[0] : null;
				return layout?.type === 'data' ? layout : null;
			})
			.catch(() => null));

	return async (input, init) => {
		const response = await nativeFetch(input, init);
		const url = requestUrl(input, origin);
		if (url.origin !== origin || url.pathname === rootDataPath || !isMissingData(url, response))
			return response;
		const layout = await readRootLayout();
		if (!layout) return response;
		// Only the root layout's node: a page node left out is treated as "no server data".
		return new Response(`${JSON.stringify({ type: 'data', nodes: [layout] })}\n`, {
			status: 200,
			headers: { 'content-type': 'application/json' }
		});
	};
}
