import { Injectable } from '@nestjs/common';
import { isCaseNumber } from '@dandang/contracts';
import { DomainError, DomainErrorCode, maySeeCase } from '@dandang/domain';
import { CaseReadRepository, OrgUnitRepository, type CaseRecordEntity } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';

const notFound = (what: string) => new DomainError(DomainErrorCode.NOT_FOUND, `${what} not found`, 'NOT_FOUND');

/** Who may see which case (the domain's `maySeeCase`): a case the user may not see does not exist for them. */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly cases: CaseReadRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  /** The case `ref` names, by its id or (where a person named it) its number, if the user may see it. */
  async visibleCase(user: AuthUser, ref: string): Promise<CaseRecordEntity> {
    const record = isCaseNumber(ref) ? await this.cases.findByNumber(ref) : await this.cases.findById(ref);
    if (!record || !maySeeCase(user, record)) throw notFound('case');
    return record;
  }

  /** The path of an org unit inside the user's subtree; `field` names the input when it is not. */
  async orgPathWithin(user: AuthUser, orgUnitId: string, field: string): Promise<string> {
    const unit = await this.orgUnits.findById(orgUnitId);
    if (!unit) throw new DomainError(DomainErrorCode.INVALID_INPUT, `${field}: unknown org unit`, 'INVALID_INPUT', [{ field, message: 'is not a known org unit' }]);
    if (!unit.path.startsWith(user.orgPath)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, `${field}: outside your org unit`, 'OUT_OF_SCOPE', [{ field, message: 'is outside your org unit' }]);
    }
    return unit.path;
  }
}
