/** Import jobs: upload -> dry run -> confirm -> one transaction. Used by the router, the app and the seed. */
export { configureImports, importsDir } from "./config";
export {
  MAX_IMPORT_BYTES,
  analyseImport,
  commitImport,
  createImportJob,
  discardImport,
  liveProgress,
  recoverImports,
  queueDraftRescore,
  queueStaleDraftRescores,
  startCommit,
  storagePath,
  whenIdle,
  type NewImportJob,
} from "./jobs";
export { upsertPosts, upsertFollowerSnapshots } from "./bulk";
export { dismissImport } from "./dismiss";
export { toPostRow, type PostRowValues } from "./post-rows";
