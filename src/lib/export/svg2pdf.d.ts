// The ES build of svg2pdf.js: the package's main entry is UMD, which node cannot import.
declare module 'svg2pdf.js/dist/svg2pdf.es.min.js' {
	export * from 'svg2pdf.js';
}
