import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ExportMenu from './ExportMenu.svelte';
import { rows, spec } from '../../../tests/unit/export/fixture';

async function key(name: string) {
	await fireEvent.keyDown(document.activeElement ?? document.body, { key: name });
	await tick();
}

afterEach(cleanup);

describe('ExportMenu', () => {
	it('opens with Enter, moves with arrows (wrapping), Home/End, and closes with Escape back on the button', async () => {
		render(ExportMenu, { spec, rows, svg: undefined });
		const button = await screen.findByRole('button', { name: `Export ${spec.title}` });
		expect(button).toHaveAttribute('aria-haspopup', 'menu');
		expect(button).toHaveAttribute('aria-expanded', 'false');
		button.focus();
		await key('Enter');
		expect(button).toHaveAttribute('aria-expanded', 'true');
		const items = screen.getAllByRole('menuitem');
		expect(items.map((i) => i.dataset.format)).toEqual([
			'svg',
			'png1',
			'png2',
			'png4',
			'pdf',
			'copy',
			'csv',
			'xlsx',
			'pptx',
			'deck'
		]);
		expect(items[0]).toHaveFocus();
		await key('ArrowDown');
		await key('ArrowDown');
		expect(items[2]).toHaveFocus();
		await key('ArrowUp');
		await key('ArrowUp');
		await key('ArrowUp');
		expect(items[items.length - 1]).toHaveFocus();
		await key('Home');
		expect(items[0]).toHaveFocus();
		await key('End');
		expect(items[items.length - 1]).toHaveFocus();
		await key('Escape');
		expect(screen.queryByRole('menu')).toBeNull();
		expect(button).toHaveFocus();
		expect(button).toHaveAttribute('aria-expanded', 'false');
		await key('ArrowUp');
		expect(screen.getAllByRole('menuitem').at(-1)).toHaveFocus();
	});

	it('offers "Add to presentation" only for charts the presentation can draw', async () => {
		render(ExportMenu, { spec, rows, svg: undefined, chartId: 'not-a-registered-chart' });
		await fireEvent.click(await screen.findByRole('button', { name: `Export ${spec.title}` }));
		expect(screen.getAllByRole('menuitem').map((i) => i.dataset.format)).not.toContain('deck');
		expect(screen.getByRole('menuitem', { name: 'PowerPoint slide' })).toBeInTheDocument();
	});

	it('says so in an alert when the chart is not drawn, instead of failing silently', async () => {
		render(ExportMenu, { spec, rows, svg: undefined });
		await fireEvent.click(await screen.findByRole('button', { name: `Export ${spec.title}` }));
		await fireEvent.click(screen.getByRole('menuitem', { name: 'SVG (vector)' }));
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('The chart is not drawn yet');
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByRole('alert')).toBeNull();
	});
});
