/**
 * What the peer libraries get to draw: the rows of our forest plot (same order, same
 * group header rows, same intervals: printed, or Clopper–Pearson computed from counts),
 * flattened to plain records, and the frame (size, margins, row height) our component
 * lays out at the same width. Building these rows is NOT timed for the peers; our
 * render is timed from the dataset (it builds its rows, CIs included, every render).
 */
import { BASE_FONT_SIZE, SSR_WIDE } from '../../src/lib/charts/anatomy';
import { forestLayout } from '../../src/lib/charts/forest/forest-layout';
import {
	DEFAULT_FOREST_OPTIONS,
	forestRows,
	type ForestRow
} from '../../src/lib/charts/forest/forest-rows';
import type { Dataset } from '../../src/lib/evidence/schema';

export interface PeerRow {
	key: string;
	/** Group header rows carry only a label. */
	group: boolean;
	study: string;
	endpoint: string;
	role: string;
	value: number | null;
	low: number | null;
	high: number | null;
	computed: boolean;
	/** "43.3% (34.3–52.7)": the estimate column. */
	estimate: string;
}

export interface PeerFrame {
	width: number;
	height: number;
	marginTop: number;
	marginRight: number;
	marginBottom: number;
	marginLeft: number;
	rowHeight: number;
	fontSize: number;
	/** x of the endpoint column, relative to the plot's left edge (negative). */
	endpointX: number;
	studyX: number;
	estimateX: number;
	title: string;
	subtitle: string;
	footer: string;
}

export interface PeerInput {
	rows: PeerRow[];
	frame: PeerFrame;
}

/** Paul Tol "bright", as our light theme maps arm roles. */
export const ROLE_COLORS: Record<string, string> = {
	experimental: '#4477AA',
	comparator: '#EE6677',
	'historical-control': '#228833'
};
export const ROLE_SHAPES: Record<string, string> = {
	experimental: 'circle',
	comparator: 'square',
	'historical-control': 'triangle'
};

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

export function peerRows(rows: ForestRow[]): PeerRow[] {
	return rows.map((r) => {
		if (r.kind === 'group')
			return {
				key: r.key,
				group: true,
				study: r.label,
				endpoint: '',
				role: '',
				value: null,
				low: null,
				high: null,
				computed: false,
				estimate: ''
			};
		if (r.kind === 'pooled') throw new Error('the bench draws no pooled row');
		return {
			key: r.key,
			group: false,
			study: r.studyName,
			endpoint: r.armLabel ? `${r.endpointLabel} · ${r.armLabel}` : r.endpointLabel,
			role: r.armRole ?? 'experimental',
			value: r.value,
			low: r.ci?.low ?? null,
			high: r.ci?.high ?? null,
			computed: r.ci?.origin === 'computed',
			estimate:
				r.ci && r.ci.low !== null && r.ci.high !== null
					? `${fmt(r.value)}% (${fmt(r.ci.low)}–${fmt(r.ci.high)})`
					: `${fmt(r.value)}%`
		};
	});
}

/**
 * The rows and frame for a dataset, at our server width. `height` is the height our
 * component drew (read from its SVG) so all three charts have the same size.
 */
export function peerInput(dataset: Dataset, height: number): PeerInput {
	const rows = forestRows(dataset, DEFAULT_FOREST_OPTIONS);
	const width = SSR_WIDE;
	const fontSize = BASE_FONT_SIZE;
	const layout = forestLayout(width, fontSize);
	const plotHeight = rows.length * layout.rowHeight;
	const marginTop = 110;
	const column = (id: string) => layout.columns.find((c) => c.id === id)!;
	return {
		rows: peerRows(rows),
		frame: {
			width,
			height,
			marginTop,
			marginBottom: Math.max(40, height - marginTop - plotHeight),
			marginLeft: layout.left,
			marginRight: layout.right,
			rowHeight: layout.rowHeight,
			fontSize,
			studyX: column('study').x,
			endpointX: column('endpoint').x,
			estimateX: column('estimate').x,
			title: 'Response and event rates, study by study',
			subtitle: `${rows.length} rows · percent of patients with 95% CI`,
			footer: `Sources: synthetic · Dataset ${dataset.version}`
		}
	};
}
