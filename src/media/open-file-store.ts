import type { FileStoreConfig } from '../config/config';
import { LocalFileStore, type FileStore } from './file-store';

/** The configured store could not be used at startup (unreachable, missing bucket, refused credentials). */
export class FileStoreUnavailableError extends Error {
  override name = 'FileStoreUnavailableError';
}

export interface OpenedFileStore {
  files: FileStore;
  /** Releases what the store holds open (the S3 client's connections). */
  close(): void;
}

/**
 * The configured FileStore. The S3 store's module (and with it the AWS SDK) is loaded here and
 * only for `kind: 's3'`, so a local-disk server never loads the SDK. The bucket is checked once,
 * so a wrong name or credentials stop the start rather than the first upload.
 */
export async function openFileStore(config: FileStoreConfig): Promise<OpenedFileStore> {
  if (config.kind === 'local') return { files: new LocalFileStore(config.root), close: () => {} };
  const { S3FileStore } = await import('./s3-file-store.js');
  const store = new S3FileStore({
    bucket: config.bucket,
    keyPrefix: config.keyPrefix,
    client: {
      region: config.region,
      endpoint: config.endpoint ?? undefined,
      forcePathStyle: config.forcePathStyle,
    },
  });
  try {
    await store.checkBucket();
  } catch (error) {
    store.close();
    throw new FileStoreUnavailableError(`FILE_STORE=s3: bucket "${config.bucket}" is not usable (${whyUnusable(error)})`);
  }
  return { files: store, close: () => store.close() };
}

/** HeadBucket answers without a body, so a status says more than the SDK's message ("UnknownError"). */
function whyUnusable(error: unknown): string {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (status === 404) return 'HTTP 404: no such bucket at this endpoint and region';
  if (status === 403) return 'HTTP 403: access denied; the credentials need s3:ListBucket on it (and object read, write, delete)';
  if (status === 301) return 'HTTP 301: the bucket is in another region; set S3_REGION';
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return status === undefined ? what : `HTTP ${status}, ${what}`;
}
