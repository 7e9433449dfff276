import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** The register of effects of a unit's subtree (the caller's own unit by default), all or only those running now. */
export class ListEffectsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "The unit whose subtree's officials are listed (within the caller's)" })
  @IsOptional()
  @IsUUID()
  orgUnit?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only the effects running now' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  active: boolean = false;
}
