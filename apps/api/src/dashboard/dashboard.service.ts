import { Injectable } from '@nestjs/common';
import type { DashboardResponse } from '@dandang/contracts';
import { DashboardRepository } from '@dandang/persistence';
import { CaseAccessService } from '../access/case-access.service';
import type { AuthUser } from '../auth/auth-user';

const DAY_MS = 86_400_000;

@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly access: CaseAccessService,
  ) {}

  /** The figures of the caller's subtree, or of a unit inside it, without the cases the caller is recused from. */
  async figures(user: AuthUser, orgUnit: string | undefined, dueSoonDays: number): Promise<DashboardResponse> {
    const orgPath = orgUnit ? await this.access.orgPathWithin(user, orgUnit, 'orgUnit') : user.orgPath;
    const now = new Date();
    return { generatedAt: now.toISOString(), ...(await this.dashboard.figures(orgPath, now, dueSoonDays * DAY_MS, user.id)) };
  }
}
