import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { STAGES, SUPERVISION_CHANNELS, enumValues, type Stage, type SupervisionChannel } from '@dandang/contracts';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn([...STAGES]) stage?: Stage;
  @ApiPropertyOptional({ enum: enumValues(SUPERVISION_CHANNELS) })
  @IsOptional() @IsIn(enumValues(SUPERVISION_CHANNELS)) channel?: SupervisionChannel;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assignee?: string;
  @ApiPropertyOptional({ description: 'Only this org unit and its subtree' }) @IsOptional() @IsUUID() orgUnit?: string;
  @ApiPropertyOptional({ description: 'Text in title, summary, number or subject name' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
  @ApiPropertyOptional({ enum: ['registeredAt', 'updatedAt', 'number'] })
  @IsOptional() @IsIn(['registeredAt', 'updatedAt', 'number']) sort: 'registeredAt' | 'updatedAt' | 'number' = 'registeredAt';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'desc';
}

export class VerifyAuditQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() caseId!: string;
}
