import { Module } from '@nestjs/common';
import { FilesystemBlobStore, S3BlobStore, SealedFileStore } from '@dandang/persistence';
import { KeyRing } from '@dandang/sealing';
import { ApiConfig } from '../infrastructure/api-config';

/**
 * The sealed file store (FILE_STORE: a folder or an S3-compatible bucket), for evidence files and generated
 * documents alike: inject `SealedFileStore` (the FileStore interface of libs/persistence).
 */
@Module({
  providers: [
    {
      provide: SealedFileStore,
      inject: [ApiConfig, KeyRing],
      useFactory: ({ values }: ApiConfig, keyRing: KeyRing) => {
        const settings = values.fileStore;
        const blobs = settings.kind === 'filesystem' ? new FilesystemBlobStore(settings.dir) : new S3BlobStore(settings);
        return new SealedFileStore(blobs, keyRing);
      },
    },
  ],
  exports: [SealedFileStore],
})
export class FileStoreModule {}
