/**
 * Copy a chart as PNG to the clipboard. Browsers differ: Chromium and Safari accept
 * `ClipboardItem` with a PNG (Safari only within the click, hence the promise form);
 * Firefox before 127 and non-secure pages have no `clipboard.write`. Every refusal
 * comes back as a reason the menu can explain, never as silence.
 */

export type ClipboardFailure = 'unsupported' | 'denied' | 'failed';

export class ClipboardError extends Error {
	constructor(
		readonly reason: ClipboardFailure,
		message: string
	) {
		super(message);
		this.name = 'ClipboardError';
	}
}

export function canCopyImages(nav: Navigator | undefined = globalThis.navigator): boolean {
	return (
		!!nav?.clipboard &&
		typeof nav.clipboard.write === 'function' &&
		typeof globalThis.ClipboardItem === 'function'
	);
}

/** Writes the PNG; `png` may be a promise so the write starts inside the user's click. */
export async function copyPng(png: Blob | Promise<Blob>): Promise<void> {
	if (!canCopyImages()) {
		throw new ClipboardError('unsupported', 'This browser cannot write images to the clipboard.');
	}
	try {
		const item = new ClipboardItem({ 'image/png': png });
		await navigator.clipboard.write([item]);
	} catch (error) {
		const name = (error as { name?: string })?.name;
		if (name === 'NotAllowedError' || name === 'SecurityError') {
			throw new ClipboardError('denied', (error as Error).message);
		}
		if (name === 'NotSupportedError' || name === 'DataError') {
			throw new ClipboardError('unsupported', (error as Error).message);
		}
		throw new ClipboardError('failed', (error as Error)?.message ?? String(error));
	}
}
