import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@dandang/contracts';

/** `?kind=LOGIN_FAILED,LOGIN_LOCKED` or the parameter repeated. */
const kindList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

export class SecurityEventsQuery {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS, isArray: true, description: 'One or more kinds, comma-separated or repeated' })
  @IsOptional() @Transform(kindList) @IsIn([...SECURITY_EVENT_KINDS], { each: true }) kind?: SecurityEventKind[];
  @ApiPropertyOptional({ description: 'A username (as given, for failed sign-ins) or a user id' })
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'From this time on (inclusive)' })
  @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}
