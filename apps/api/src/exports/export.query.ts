import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '@dandang/contracts';
import { ListCasesQuery } from '../cases/dto/list-cases.query';
import { DashboardQuery } from '../dashboard/dto/dashboard.query';

const FORMAT = { enum: EXPORT_FORMATS, description: 'xlsx (Excel workbook) or csv (UTF-8 with a byte-order mark, for Excel)' };

/** The list's filters and order, without its page: an export is every matching case. */
export class ExportCasesQuery extends OmitType(ListCasesQuery, ['page', 'pageSize'] as const) {
  @ApiProperty(FORMAT) @IsIn([...EXPORT_FORMATS]) format!: ExportFormat;
}

export class ExportDashboardQuery extends DashboardQuery {
  @ApiProperty(FORMAT) @IsIn([...EXPORT_FORMATS]) format!: ExportFormat;
}

export class AuditExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format: 'json' | 'csv' = 'json';
}
