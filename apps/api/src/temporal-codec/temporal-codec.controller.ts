import { Body, Controller, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SealError, SealedPayloadCodec, SEALED_PAYLOAD_ENCODING } from '@dandang/sealing';
import { TEMPORAL_PAYLOAD_READER_ROLES, forbidden, invalidInput, mayReadTemporalPayloads } from '@dandang/domain';
import { AcceptsSessionCookie, CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiConfig } from '../infrastructure/api-config';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { CODEC_PAYLOADS_SCHEMA, payloadsFromJson, payloadsToJson } from './codec-payloads';

/**
 * Temporal's remote codec protocol for the Web UI: the UI posts the sealed payloads of a history it shows and gets
 * them opened. Only for staff who read case content (mayReadTemporalPayloads), and every decode is a security
 * event. No /encode: the UI is read-only (docker-compose.yml), and an encoder would let a caller forge sealed input.
 * The UI cannot send our bearer token, so the session cookie set at sign-in is accepted here too (session-cookie.ts).
 */
@ApiTags('temporal-codec')
@ApiBearerAuth()
@ApiCookieAuth()
@AcceptsSessionCookie()
@Controller('temporal-codec')
@Roles(...TEMPORAL_PAYLOAD_READER_ROLES)
export class TemporalCodecController {
  private readonly codec: SealedPayloadCodec;

  constructor(
    config: ApiConfig,
    private readonly log: SecurityEventLog,
  ) {
    this.codec = new SealedPayloadCodec(config.values.masterKeys);
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open sealed Temporal payloads for the Web UI ({ payloads: [{ metadata, data }] }, base64 fields)' })
  @ApiBody({ schema: CODEC_PAYLOADS_SCHEMA })
  @ApiResponse({ status: 200, description: 'The payloads, opened; payloads that were not sealed come back as they were', schema: CODEC_PAYLOADS_SCHEMA })
  async decode(@Body() body: unknown, @CurrentUser() user: AuthUser, @Headers('x-namespace') namespace: string | undefined, @Ip() address: string) {
    if (!mayReadTemporalPayloads(user)) throw forbidden('SEPARATION_OF_DUTIES', '此角色不得查看案件内容 (this role reads no case content)');
    const payloads = payloadsFromJson(body);
    const sealed = payloads.filter((p) => Buffer.from(p.metadata?.['encoding'] ?? []).toString() === SEALED_PAYLOAD_ENCODING).length;
    // Recorded before anything is opened: a read that cannot be logged does not happen.
    await this.log.record({
      kind: 'TEMPORAL_PAYLOADS_DECODED',
      actor: { id: user.id, username: user.username },
      subject: namespace?.slice(0, 200),
      address,
      details: { payloads: payloads.length, sealed },
    });
    try {
      return payloadsToJson(await this.codec.decode(payloads));
    } catch (e) {
      if (e instanceof SealError) throw invalidInput([{ field: 'payloads', message: `a sealed payload does not open: ${e.message}` }]);
      throw e;
    }
  }
}
