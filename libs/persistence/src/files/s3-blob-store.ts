import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { BlobStore } from './file-store';

export interface S3BlobStoreSettings {
  /** An S3-compatible endpoint (MinIO, a cloud's object storage); absent: AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Absent: the SDK's own chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path rather than the host name, as most self-hosted stores want. */
  forcePathStyle: boolean;
}

/** S3's smallest part but the last; a part is held in memory while it is sent, so an upload costs at most this. */
const PART_BYTES = 8 * 1024 * 1024;

/**
 * Blobs in a bucket. A stream is sent in parts of PART_BYTES (a multipart upload), so a file of any size costs one
 * part of memory; a failure aborts the upload, leaving no object. A blob smaller than a part is one PutObject.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly settings: S3BlobStoreSettings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
    });
  }

  async write(key: string, content: Readable): Promise<void> {
    const Bucket = this.settings.bucket;
    let uploadId: string | undefined;
    const parts: { ETag?: string; PartNumber: number }[] = [];
    const sendPart = async (body: Buffer) => {
      uploadId ??= (await this.client.send(new CreateMultipartUploadCommand({ Bucket, Key: key }))).UploadId;
      const PartNumber = parts.length + 1;
      const { ETag } = await this.client.send(new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber, Body: body }));
      parts.push({ ETag, PartNumber });
    };
    try {
      let held: Buffer[] = [];
      let heldBytes = 0;
      for await (const chunk of content) {
        held.push(chunk as Buffer);
        heldBytes += (chunk as Buffer).length;
        if (heldBytes >= PART_BYTES) {
          await sendPart(Buffer.concat(held));
          held = [];
          heldBytes = 0;
        }
      }
      const rest = Buffer.concat(held);
      if (uploadId === undefined) {
        await this.client.send(new PutObjectCommand({ Bucket, Key: key, Body: rest, ContentLength: rest.length }));
        return;
      }
      if (rest.length) await sendPart(rest);
      await this.client.send(new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    } catch (e) {
      if (uploadId !== undefined) {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      }
      throw e;
    }
  }

  async read(key: string): Promise<Readable> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    if (!Body) throw new Error(`blob ${key} has no body`);
    return Body as Readable;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (e) {
      if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw e;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
