import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { INTAKE_METHODS, LONG_TEXT, SHORT_TEXT, SUPERVISION_CHANNELS, enumValues } from '@dandang/contracts';

export class SubjectDto {
  @ApiProperty({ description: '被反映人姓名 (name of the official concerned)' })
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiProperty({ description: '职务 (position)' })
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) position!: string;

  @ApiProperty({ description: '所在单位 (org unit of the official)' })
  @IsUUID() orgUnitId!: string;

  @ApiPropertyOptional({ description: "The official's own user account, if any (they are recused from the case)" })
  @IsOptional() @IsUUID() userId?: string;
}

export class ReporterDto {
  @ApiProperty({ description: '检举控告人姓名 (reporter name)' })
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiProperty({ description: '联系方式 (contact)' })
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) contact!: string;
}

/** A problem clue as an officer registers it (问题线索登记). */
export class RegisterCaseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) title!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT) summary!: string;

  @ApiProperty({ enum: enumValues(SUPERVISION_CHANNELS), description: '监督渠道 (supervision channel)' })
  @IsIn(enumValues(SUPERVISION_CHANNELS)) channel!: string;

  @ApiProperty({ enum: enumValues(INTAKE_METHODS), description: '受理方式 (intake method)' })
  @IsIn(enumValues(INTAKE_METHODS)) intakeMethod!: string;

  @ApiProperty({ type: SubjectDto })
  @IsObject() @ValidateNested() @Type(() => SubjectDto) subject!: SubjectDto;

  @ApiPropertyOptional({ type: ReporterDto, description: 'Omit for an anonymous report' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ReporterDto) reporter?: ReporterDto;

  @ApiPropertyOptional({ description: 'True for an anonymous report (then no reporter)' })
  @IsOptional() @IsBoolean() anonymous?: boolean;

  @ApiProperty({ example: '2026-11-20T09:00:00+08:00', description: '收到时间 (received at)' })
  @IsISO8601({ strict: true, strictSeparator: true }) receivedAt!: string;

  @ApiPropertyOptional({ description: 'Handling org unit; defaults to the registering officer\'s unit' })
  @IsOptional() @IsUUID() orgUnitId?: string;
}
