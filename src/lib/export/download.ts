/** Saves bytes or text as a file through a temporary link (works in every browser). */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.appendChild(link);
	link.click();
	link.remove();
	// Give the browser time to start the download before the URL goes.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function bytesBlob(bytes: Uint8Array, type: string): Blob {
	return new Blob([bytes as BlobPart], { type });
}
