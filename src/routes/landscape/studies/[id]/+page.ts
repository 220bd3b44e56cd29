// The same load as the default dataset's page: the root layout hands it the landscape dataset.
export { load } from '../../../studies/[id]/+page';
