/** The app's media storage: S3-compatible when S3_BUCKET is set, else the disk under DATA_DIR/media. */
import { createMediaStorage, type MediaStorage } from "@rapport/api/storage";
import { env } from "./env.server";

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= createMediaStorage({
    dataDir: env.DATA_DIR,
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        }
      : null,
  });
  return storage;
}
