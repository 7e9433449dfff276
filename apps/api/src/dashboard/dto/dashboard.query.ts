import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class DashboardQuery {
  @ApiPropertyOptional({ description: 'Only this org unit and its subtree' }) @IsOptional() @IsUUID() orgUnit?: string;
  @ApiPropertyOptional({ default: 3, description: '"Due soon" horizon in days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(90) dueSoonDays: number = 3;
}
