/**
 * Where media bytes live. Keys are content-addressed paths (`ab/cd/<sha256>`), so a put of bytes
 * already stored is a no-op and two workspaces uploading the same photo share one blob.
 */
import type { Readable } from "node:stream";

export interface StoredObject {
  body: Readable;
  contentType: string;
  size: number;
}

export interface MediaStorage {
  readonly kind: "disk" | "s3";
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The object, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9]{2}\/[a-z0-9]{2}\/[a-z0-9]{64}(?:\.[a-z0-9]+)?$/;

/** `ab/cd/abcd…` for a sha256 hex digest; an optional suffix names a derived file (thumbnail). */
export function contentKey(sha256: string, suffix?: string): string {
  const key = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}${suffix ? `.${suffix}` : ""}`;
  assertKey(key);
  return key;
}

/** Keys come from our own hashes; anything else (path traversal, odd characters) is refused. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
