/** Media storage: the interface, the disk default and the S3-compatible implementation. */
import path from "node:path";
import { DiskStorage } from "./disk";
import { S3Storage, type S3StorageOptions } from "./s3";
import type { MediaStorage } from "./types";

export { DiskStorage } from "./disk";
export { S3Storage, type S3StorageOptions } from "./s3";
export { assertKey, contentKey, type MediaStorage, type StoredObject } from "./types";

/** S3 when a bucket is configured, otherwise the disk under `dataDir/media`. */
export function createMediaStorage(options: { dataDir: string; s3?: S3StorageOptions | null }): MediaStorage {
  if (options.s3) return new S3Storage(options.s3);
  return new DiskStorage(path.join(options.dataDir, "media"));
}
