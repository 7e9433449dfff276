import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DOCUMENT_KINDS, DOCUMENT_SERVICE_METHODS, LONG_TEXT, SHORT_TEXT, enumValues, type DocumentKind, type DocumentServiceMethod } from '@dandang/contracts';

export class GenerateDocumentDto {
  @ApiProperty({ enum: enumValues(DOCUMENT_KINDS), description: '文书种类 (kind of document)' })
  @IsIn(enumValues(DOCUMENT_KINDS))
  kind!: DocumentKind;

  @ApiPropertyOptional({
    description: '对象 (the person concerned, e.g. P2, a document of one person is written for: 陈述申辩笔录, 问责决定书, 处分决定书; absent, the first it can be)',
    maxLength: 8,
  })
  @IsOptional() @IsString() @MaxLength(8)
  personId?: string;
}

export class RecordServiceDto {
  @ApiProperty({ description: '受送达人 (who received it)', maxLength: SHORT_TEXT })
  @IsString() @MinLength(1) @MaxLength(SHORT_TEXT) recipient!: string;
  @ApiProperty({ enum: enumValues(DOCUMENT_SERVICE_METHODS), description: '送达方式 (how)' })
  @IsIn(enumValues(DOCUMENT_SERVICE_METHODS)) method!: DocumentServiceMethod;
  @ApiProperty({ format: 'date-time', description: '送达时间 (when)' })
  @IsISO8601({ strict: true }) servedAt!: string;
  @ApiPropertyOptional({ description: '备注 (note)', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT) note?: string;
}

export class DownloadQuery {
  @ApiPropertyOptional({ enum: ['docx', 'pdf'], default: 'docx' })
  @IsOptional() @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf' = 'docx';
}
