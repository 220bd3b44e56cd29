/**
 * Stand-in for SvelteKit's `$app/environment` in the bench harness (a plain Vite page in
 * the browser): components that build closed tables only in the browser read `browser`.
 */
export const browser = true;
export const dev = false;
export const building = false;
export const version = 'bench';
