/** Where the built site serves the JSON Schema of the current format version (see json-schema.ts). */
import { SCHEMA_VERSION } from './schema';

export const DATASET_SCHEMA_PATH = `/schema/dataset-v${SCHEMA_VERSION}.json`;
