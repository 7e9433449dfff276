import type { ActionName, Actor, CaseState, ProposalContent } from '@dandang/contracts';

/** A proposal now waits for a supervisor; an earlier return is answered by it. */
export function propose(s: CaseState, { action, actor, at }: { action: ActionName; actor: Actor; at: string }, content: ProposalContent): void {
  s.pendingApproval = { ...content, proposedBy: actor.userId, proposedByName: actor.displayName, proposedAt: at, action };
  s.lastReturn = undefined;
}
