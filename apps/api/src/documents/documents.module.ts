import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { FileStoreModule } from '../files/file-store.module';
import { DocumentFileStore, SealedDocumentFileStore } from './document-file-store';
import { DocumentTemplatesController } from './document-templates.controller';
import { DocumentTemplatesService } from './document-templates.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PdfConverter } from './pdf-converter';

/** 文书: generation, download, service records, and the administrators' templates. */
@Module({
  imports: [AccessModule, FileStoreModule],
  controllers: [DocumentsController, DocumentTemplatesController],
  providers: [
    { provide: DocumentFileStore, useClass: SealedDocumentFileStore },
    { provide: PdfConverter, useValue: new PdfConverter() },
    DocumentTemplatesService,
    DocumentsService,
  ],
})
export class DocumentsModule {}
