import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LONG_TEXT, MAX_REASSIGNMENT_CASES } from '@dandang/contracts';

/** 批量改派: the officer leaving, the officer taking over, optionally which of the cases, and why. */
export class StartReassignmentDto {
  @ApiProperty({ format: 'uuid', description: '原承办人 (the officer leaving: their open cases in your sight)' })
  @IsUUID() fromUserId!: string;

  @ApiProperty({ format: 'uuid', description: '新承办人 (an active case officer of your org unit or below)' })
  @IsUUID() toUserId!: string;

  @ApiPropertyOptional({ type: [String], description: `Some of those cases (ids); all of them when absent (at most ${MAX_REASSIGNMENT_CASES})` })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_REASSIGNMENT_CASES) @IsUUID(undefined, { each: true }) caseIds?: string[];

  @ApiProperty({ example: '岗位调整 (change of post)', description: "理由, in each case's trail" })
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT) reason!: string;
}

export class OpenCasesQuery {
  @ApiProperty({ format: 'uuid', description: 'The officer whose open cases to list' })
  @IsUUID() from!: string;
}
