/**
 * A chart that draws only part of itself on screen (the rows near the viewport of a
 * very large forest plot) draws all of it while an export copies its `<svg>`: the
 * exporter dispatches `EXPORT_BEGIN` on the svg, clones it synchronously, then
 * dispatches `EXPORT_END`. Charts that always draw everything ignore both.
 */
export const EXPORT_BEGIN = 'chartexportbegin';
export const EXPORT_END = 'chartexportend';
