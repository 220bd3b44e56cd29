// The widths charts are prerendered at: the server knows no screen.

/** Width the server renders at; the browser re-measures after hydration. */
export const SSR_WIDTH = 960;

/** Server width for wide, column-rich charts: the page's full content width. */
export const SSR_WIDE = 1200;
