/**
 * The largest files the upload forms take, in bytes: checked in the browser before posting
 * (components/ui/file-size-guard.ts) and again on the server. Both sit under the 3 MB a server
 * action accepts (`serverActions.bodySizeLimit` in next.config.js). A module of its own so the
 * forms can read them without bundling the schemas.
 */

/** A catalog CSV: room for the whole bundled instance catalog (~1.3 MB exported) to grow. */
export const MAX_CATALOG_CSV_BYTES = 2_500_000;

/** A workload document (the profile and its scenarios as JSON). */
export const MAX_WORKLOAD_DOCUMENT_BYTES = 1024 * 1024;
