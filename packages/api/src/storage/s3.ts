/** Media in an S3-compatible bucket (AWS S3, MinIO, R2, ...), used when the app is configured for it. */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { assertKey, type MediaStorage, type StoredObject } from "./types";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  /** Key prefix inside the bucket (default "media/"). */
  prefix?: string;
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound";
  const name = (error as { name?: unknown } | null)?.name;
  return name === "NoSuchKey" || name === "NotFound";
}

export class S3Storage implements MediaStorage {
  readonly kind = "s3" as const;
  private readonly prefix: string;

  constructor(
    private readonly options: S3StorageOptions,
    private readonly client: S3Client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    }),
  ) {
    this.prefix = options.prefix ?? "media/";
  }

  private key(key: string): string {
    assertKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    if (await this.exists(key)) return;
    // A stream of unknown length cannot be sent in one PutObject; media are capped, so buffer it.
    const bytes = Buffer.isBuffer(body) ? body : await streamToBuffer(body);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      if (!out.Body) return null;
      const body = out.Body instanceof Readable ? out.Body : Readable.from(Buffer.from(await out.Body.transformToByteArray()));
      return { body, contentType: out.ContentType ?? "application/octet-stream", size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
