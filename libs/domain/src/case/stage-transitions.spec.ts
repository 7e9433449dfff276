import { STAGES, type Stage } from '@dandang/contracts';
import { STAGE_TRANSITIONS, assertTransition, canTransition } from './stage-transitions';

/** The graph as the procedure specifies it; written out here, independently of the code. */
const SPECIFIED: Record<Stage, Stage[]> = {
  INTAKE: ['DISPOSITION', 'CLOSED'],
  DISPOSITION: ['INQUIRY', 'VERIFICATION', 'SHELVED', 'CLOSED'],
  INQUIRY: ['CLOSED', 'VERIFICATION'],
  VERIFICATION: ['INVESTIGATION', 'SHELVED', 'CLOSED'],
  // An exemption closes a case under investigation; the appeal window (or the appeal) ends a served one.
  // A case filed in one of the two procedures goes to 审理 (a discipline case, or a sanction proposed) or straight to
  // the collective decision; 审理 may send it back; an exemption closes it until the decision is made.
  INVESTIGATION: ['DECIDED', 'CLOSED', 'TRIAL', 'DELIBERATION'],
  TRIAL: ['DELIBERATION', 'INVESTIGATION', 'CLOSED'],
  DELIBERATION: ['DECIDED', 'CLOSED'],
  DECIDED: ['SERVED'],
  SERVED: ['CLOSED'],
  // Shelved clues are reviewed periodically: reopened for disposition or closed (no dead end).
  SHELVED: ['DISPOSITION', 'CLOSED'],
  CLOSED: [],
};

const pairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));
const legal = pairs.filter(([from, to]) => SPECIFIED[from].includes(to));
const illegal = pairs.filter(([from, to]) => from !== to && !SPECIFIED[from].includes(to));

describe('STAGE_TRANSITIONS', () => {
  it('is exactly the specified graph, with an entry for every stage', () => {
    const sorted = (graph: Readonly<Record<Stage, readonly Stage[]>>) =>
      Object.fromEntries(Object.entries(graph).map(([from, tos]) => [from, [...tos].sort()]));
    expect(sorted(STAGE_TRANSITIONS)).toEqual(sorted(SPECIFIED));
  });

  it('ends in CLOSED alone, which leads nowhere', () => {
    const terminal = STAGES.filter((s) => STAGE_TRANSITIONS[s].length === 0);
    expect(terminal).toEqual(['CLOSED']);
  });

  it('reaches CLOSED from every stage', () => {
    const closes = (from: Stage, seen = new Set<Stage>()): boolean =>
      from === 'CLOSED' || STAGE_TRANSITIONS[from].some((to) => !seen.has(to) && closes(to, new Set([...seen, from])));
    expect(STAGES.filter((s) => !closes(s))).toEqual([]);
  });

  it('reaches every stage from INTAKE', () => {
    const reached = new Set<Stage>(['INTAKE']);
    const queue: Stage[] = ['INTAKE'];
    for (let s = queue.shift(); s; s = queue.shift()) {
      const unseen = STAGE_TRANSITIONS[s].filter((next) => !reached.has(next));
      unseen.forEach((next) => reached.add(next));
      queue.push(...unseen);
    }
    expect([...reached].sort()).toEqual([...STAGES].sort());
  });
});

describe('canTransition and assertTransition', () => {
  it.each(legal)('allow %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(STAGES.map((s) => [s]))('treat staying in %s as no move', (stage) => {
    expect(canTransition(stage, stage)).toBe(true);
  });

  it.each(illegal)('refuse %s -> %s as a programming error', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(`illegal stage transition ${from} -> ${to}`);
  });
});
