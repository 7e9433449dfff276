export * from './file-store';
export * from './filesystem-blob-store';
export * from './s3-blob-store';
export * from './sealed-stream';
