import { m } from '$lib/paraglide/messages';

/** The site's sections in the order they appear in the header. */
export const sections = [
	{ href: '/', label: () => m.nav_overview() },
	{ href: '/compare', label: () => m.dd_nav_compare() },
	{ href: '/sources', label: () => m.nav_sources() },
	{ href: '/methods', label: () => m.nav_methods() },
	{ href: '/timeline', label: () => m.nav_timeline() },
	{ href: '/dosing', label: () => m.chart2_nav_dosing() },
	{ href: '/safety', label: () => m.nav_safety() },
	{ href: '/present', label: () => m.nav_present() },
	{ href: '/digitise', label: () => m.dg_nav() },
	{ href: '/data', label: () => m.nav_data() }
] as const;

const inLandscape = (path: string) => path === '/landscape' || path.startsWith('/landscape/');

/** The embedded datasets a reader can switch between; the address says which one is shown. */
export const datasetSwitch = [
	{ href: '/', label: () => m.ls_switch_default(), matches: (path: string) => !inLandscape(path) },
	{ href: '/landscape', label: () => m.ls_switch_landscape(), matches: inLandscape }
] as const;

/**
 * The address prefix of the dataset a route shows: '/landscape' for the landscape's pages
 * (its study and indication pages live under it), '' for the default dataset. Links between
 * a dataset's own pages keep this prefix, so the address always says which dataset is shown.
 */
export function datasetRoot(routeId: string | null | undefined): '' | '/landscape' {
	return routeId === '/landscape' || routeId?.startsWith('/landscape/') ? '/landscape' : '';
}
