import { m } from '$lib/paraglide/messages';

/** The address prefix of an embedded dataset: '' for the default one, '/landscape' for the landscape. */
export type DatasetRoot = '' | '/landscape';

interface Section {
	/** The section's page for each dataset that has one; a dataset without it does not list it. */
	href: { [root in DatasetRoot]?: string };
	label: () => string;
}

/**
 * The site's sections in the order they appear in the header. Each section names its page per
 * dataset: the header lists, for the dataset the page shows, only the sections that show that
 * dataset, so a reader on the landscape never lands on the default dataset's pages unawares.
 * Compare, Timeline, Dosing, Safety and Present are top-level routes, for which the root layout
 * loads the default dataset only, so the landscape has none of them. Methods, Digitise and Data
 * are about the site, not one dataset, and are listed for both.
 */
const allSections: readonly Section[] = [
	{ href: { '': '/', '/landscape': '/landscape' }, label: () => m.nav_overview() },
	{ href: { '/landscape': '/landscape/indirect' }, label: () => m.ls_nav_indirect() },
	{ href: { '': '/compare' }, label: () => m.dd_nav_compare() },
	{ href: { '': '/sources', '/landscape': '/landscape/sources' }, label: () => m.nav_sources() },
	{ href: { '': '/methods', '/landscape': '/methods' }, label: () => m.nav_methods() },
	{ href: { '': '/timeline' }, label: () => m.nav_timeline() },
	{ href: { '': '/dosing' }, label: () => m.chart2_nav_dosing() },
	{ href: { '': '/safety' }, label: () => m.nav_safety() },
	{ href: { '': '/present' }, label: () => m.nav_present() },
	{ href: { '': '/digitise', '/landscape': '/digitise' }, label: () => m.dg_nav() },
	{ href: { '': '/data', '/landscape': '/data' }, label: () => m.nav_data() }
];

export interface NavItem {
	/** App path, before localisation (links go through localizeHref). */
	href: string;
	label: () => string;
	/** The route being shown is this section or one of its pages (for aria-current). */
	current: boolean;
}

/** Whether a route (its id: no locale, no base, no trailing slash) belongs to a section's page. */
function routeIsIn(routeId: string | null | undefined, href: string, root: DatasetRoot): boolean {
	if (!routeId) return false;
	// A dataset's overview is its own page only: its study and indication pages live under it.
	if (href === (root || '/')) return routeId === href;
	return routeId === href || routeId.startsWith(`${href}/`);
}

/** The header's sections for a route: those of the dataset it shows, with their pages there. */
export function sectionsFor(routeId: string | null | undefined): NavItem[] {
	const root = datasetRoot(routeId);
	return allSections.flatMap((section) => {
		const href = section.href[root];
		return href ? [{ href, label: section.label, current: routeIsIn(routeId, href, root) }] : [];
	});
}

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
export function datasetRoot(routeId: string | null | undefined): DatasetRoot {
	return routeId === '/landscape' || routeId?.startsWith('/landscape/') ? '/landscape' : '';
}
