/** The randomised study of the shared chart fixture (synthetic, not real evidence). */
import { fixtureDataset } from '../forest/fixtures';

export { fixtureDataset };
export const fixtureRandomised = fixtureDataset.studies.find((s) => s.id === 'gamma')!;
