/**
 * PNG in the browser: the standalone SVG drawn onto a canvas at 1×, 2× or 4× its CSS
 * size, then stamped with 300 dpi (pHYs) so it lands at the intended size in documents.
 */
import { setPngDpi } from './png-chunks';
import { svgBlob } from './svg';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.decoding = 'async';
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The browser could not draw the chart as an image.'));
		image.src = url;
	});
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG (too large?).'))),
			'image/png'
		)
	);
}

/** PNG bytes of an SVG file text; `width`/`height` are its CSS size. */
export async function rasteriseSvg(
	markup: string,
	width: number,
	height: number,
	scale: number
): Promise<Uint8Array> {
	const url = URL.createObjectURL(svgBlob(markup));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser has no 2D canvas.');
		context.imageSmoothingQuality = 'high';
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await canvasBlob(canvas);
		return setPngDpi(new Uint8Array(await blob.arrayBuffer()), 300);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** `data:image/png;base64,…` for pptxgenjs. */
export function pngDataUrl(bytes: Uint8Array): string {
	let binary = '';
	const chunk = 0x8000;
	for (let i = 0; i < bytes.length; i += chunk) {
		binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
	}
	return `data:image/png;base64,${btoa(binary)}`;
}
