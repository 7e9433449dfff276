import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '@dandang/contracts';

/** A period: a quarter (year, quarter) or days (from, to, both included, CST); neither is the current quarter. */
export class ReportQuery {
  @ApiPropertyOptional({ description: 'With quarter: the calendar year (China Standard Time)' })
  @IsOptional() @Type(() => Number) @IsInt() year?: number;
  @ApiPropertyOptional({ enum: [1, 2, 3, 4], description: 'With year: the quarter' })
  @IsOptional() @Type(() => Number) @IsInt() quarter?: number;
  @ApiPropertyOptional({ format: 'date', description: 'With to: the first day (YYYY-MM-DD, CST)' })
  @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'With from: the last day, included (YYYY-MM-DD, CST)' })
  @IsOptional() @IsString() @MaxLength(10) to?: string;
  @ApiPropertyOptional({ description: 'Only this org unit and its subtree' }) @IsOptional() @IsUUID() orgUnit?: string;
}

export class ReportExportQuery extends ReportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn([...EXPORT_FORMATS]) format!: ExportFormat;
}
