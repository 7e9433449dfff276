import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@dandang/contracts';

// Shapes only: what the values must be (roles that go together, codes, a unit in service) the domain's rules say,
// naming the field (libs/domain/src/administration).

const REASON = { example: '机构改革 (reorganisation)', description: 'Why, for the security-event log (安全审计)' };

export class ReasonDto {
  @ApiProperty(REASON) @IsString() @MaxLength(2000) reason!: string;
}

export class CreateOrgUnitDto extends ReasonDto {
  @ApiProperty({ example: 'DIST-C' }) @IsString() @MaxLength(200) code!: string;
  @ApiProperty({ example: '南城区纪委监委' }) @IsString() @MaxLength(1000) name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The parent unit; null for a top unit' })
  @ValidateIf((_, v) => v !== null) @IsUUID() parentId!: string | null;
  @ApiPropertyOptional({ example: '110101', description: '行政区划代码 (six digits)' }) @IsOptional() @IsString() @MaxLength(50) regionCode?: string;
}

export class RenameOrgUnitDto extends ReasonDto {
  @ApiProperty({ example: '南城区纪委监委' }) @IsString() @MaxLength(1000) name!: string;
}

export class MoveOrgUnitDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The new parent unit; null to make it a top unit' })
  @ValidateIf((_, v) => v !== null) @IsUUID() parentId!: string | null;
}

export class CreateUserDto extends ReasonDto {
  @ApiProperty({ example: 'zhang.wei' }) @IsString() @MaxLength(200) username!: string;
  @ApiProperty({ example: '承办人 张伟' }) @IsString() @MaxLength(1000) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @IsString({ each: true }) roles!: Role[];
  @ApiProperty({ format: 'uuid' }) @IsUUID() orgUnitId!: string;
}

export class ChangeRolesDto extends ReasonDto {
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @IsString({ each: true }) roles!: Role[];
}

export class ChangeUnitDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() orgUnitId!: string;
}

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UsersQuery {
  @ApiPropertyOptional({ description: 'Part of the username or the name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Users of this unit's subtree" }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn([...ROLES]) role?: Role;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(bool) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' }) @IsOptional() @IsIn(['xlsx', 'csv']) format: 'xlsx' | 'csv' = 'xlsx';
  @ApiPropertyOptional({ enum: ['units', 'users'], description: 'For CSV, which sheet (one file each)', default: 'users' })
  @IsOptional() @IsIn(['units', 'users']) sheet: 'units' | 'users' = 'users';
}
