import type { KeyRing } from '@dandang/sealing';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CHECKPOINT_KEY_PURPOSE,
  checkpointSignature,
  decodeHeads,
  encodeHeads,
  headKey,
  sha256,
  signatureMatches,
  signedText,
  type ChainHead,
  type CheckpointContent,
  type SecurityLogHead,
} from '../audit-checkpoint';

/** A stored checkpoint as exported: what was signed, the signature, and the heads stored with it. */
export interface AuditCheckpoint extends CheckpointContent {
  kind: 'FULL' | 'DELTA';
  signature: string;
  /** The exact text the HMAC-SHA256 signature covers. */
  signedText: string;
  /** Every head (FULL), or those that advanced since the base checkpoint (DELTA). */
  heads: ChainHead[];
}

export interface CheckpointWritten {
  id: number;
  kind: 'FULL' | 'DELTA';
  streams: number;
  advanced: number;
  /** Streams that now stand behind (or apart from) what an earlier checkpoint attested; the checkpoint keeps the attested head. */
  anomalies: string[];
}

export type CheckpointProblemKind = 'CUT_TAIL' | 'REWRITTEN' | 'DELETED_CHAIN' | 'FORGED_CHECKPOINT' | 'CHECKPOINT_CHAIN';

export interface CheckpointProblem {
  kind: CheckpointProblemKind;
  /** The case (absent for the security-event log and for problems of the checkpoints themselves). */
  caseId?: string;
  /** `case`, `review-<n>`, or `security-events`. */
  stream?: string;
  checkpointId?: number;
  detail: string;
}

export interface CheckpointVerification {
  /** The latest checkpoint, against which the chains were compared; absent when none was written yet. */
  checkpoint?: { id: number; createdAt: string; streams: number };
  valid: boolean;
  problems: CheckpointProblem[];
}

/** Every this many checkpoints one stores all heads, so rebuilding the attested state reads few rows. */
export const FULL_CHECKPOINT_EVERY = 24;
const SECURITY_STREAM = 'security-events';
const WRITE_LOCK = `pg_advisory_xact_lock(hashtext('audit_checkpoints'))`;
const LOOKUP_BATCH = 5_000;

interface Row {
  id: string;
  created_at: Date;
  key_id: string;
  base_id: string | null;
  streams: number;
  state_digest: string;
  heads: Buffer;
  heads_digest: string;
  security_events_seq: string | null;
  security_events_hash: string | null;
  signature: string;
}

function contentOf(r: Row): CheckpointContent {
  return {
    id: Number(r.id),
    createdAt: new Date(r.created_at).toISOString(),
    keyId: r.key_id,
    baseId: r.base_id === null ? null : Number(r.base_id),
    streams: r.streams,
    stateDigest: r.state_digest,
    headsDigest: r.heads_digest,
    securityEvents: r.security_events_seq === null ? null : { seq: Number(r.security_events_seq), hash: r.security_events_hash ?? '' },
  };
}

interface Attested {
  heads: Map<string, ChainHead>;
  /** Checkpoints from the last full one up to the one asked for. */
  rows: Row[];
  problems: CheckpointProblem[];
}

/**
 * Signed checkpoints of the audit chains' heads (table audit_checkpoints), kept apart from the trails: an insider who
 * cuts, rewrites or deletes a trail and its case row still leaves it standing behind a checkpoint that only the
 * holder of the master key could have signed.
 */
export class AuditCheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a checkpoint of every head. A stream's head only advances from what the previous checkpoint attested when
   * its event at the attested version still has the attested hash; otherwise the attested head stays (reported as an
   * anomaly), so a checkpoint never vouches for a trail that was cut or rewritten since the last one.
   */
  async write(keyRing: KeyRing, now = new Date()): Promise<CheckpointWritten> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${WRITE_LOCK}`);
      const [previous] = await this.rows(manager, 'ORDER BY id DESC LIMIT 1');
      const attested = previous ? await this.attested(manager, previous, keyRing) : { heads: new Map<string, ChainHead>(), rows: [], problems: [] };
      if (attested.problems.length) {
        throw new CheckpointTrustError(`the previous checkpoints do not verify: ${attested.problems.map((p) => p.detail).join('; ')}`);
      }
      const current = await currentHeads(manager);
      const anomalies: string[] = [];
      const advancing: ChainHead[] = [];
      for (const head of current.values()) {
        const was = attested.heads.get(headKey(head));
        if (!was || head.version > was.version) advancing.push(head);
        else if (head.version === was.version && head.hash !== was.hash) anomalies.push(`${headKey(head)}: version ${was.version} was rewritten`);
        else if (head.version < was.version) anomalies.push(`${headKey(head)}: ends at version ${head.version}, attested ${was.version}`);
      }
      for (const was of attested.heads.values()) if (!current.has(headKey(was))) anomalies.push(`${headKey(was)}: deleted`);
      const rewritten = await rewrittenBelow(manager, advancing.flatMap((h) => attested.heads.get(headKey(h)) ?? []));
      const advanced = advancing.filter((h) => !rewritten.has(headKey(h)));
      for (const key of rewritten) anomalies.push(`${key}: the attested version was rewritten before the trail grew`);

      const state = new Map(attested.heads);
      for (const h of advanced) state.set(headKey(h), h);
      const security = await securityHead(manager, previous ? contentOf(previous).securityEvents : null);
      if (security.anomaly) anomalies.push(security.anomaly);

      const full = !previous || attested.rows.length >= FULL_CHECKPOINT_EVERY;
      const stored = encodeHeads(full ? state.values() : advanced);
      const [{ id }] = await manager.query(`SELECT nextval('audit_checkpoints_id_seq')::integer AS id`);
      const content: CheckpointContent = {
        id,
        createdAt: now.toISOString(),
        keyId: keyRing.currentKeyId,
        baseId: full ? null : Number(previous!.id),
        streams: state.size,
        stateDigest: sha256(encodeHeads(state.values())),
        headsDigest: sha256(stored),
        securityEvents: security.head,
      };
      const signature = checkpointSignature(keyRing.derivedKey(CHECKPOINT_KEY_PURPOSE, content.keyId), content);
      await manager.query(
        `INSERT INTO audit_checkpoints (id, created_at, key_id, base_id, streams, state_digest, heads, heads_digest,
           security_events_seq, security_events_hash, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [content.id, content.createdAt, content.keyId, content.baseId, content.streams, content.stateDigest, stored, content.headsDigest,
          content.securityEvents?.seq ?? null, content.securityEvents?.hash ?? null, signature],
      );
      return { id, kind: full ? 'FULL' : 'DELTA', streams: state.size, advanced: advanced.length, anomalies };
    });
  }

  /** The newest checkpoint, as exported. */
  async latest(): Promise<AuditCheckpoint | undefined> {
    const [row] = await this.rows(this.dataSource.manager, 'ORDER BY id DESC LIMIT 1');
    return row && exported(row);
  }

  async find(id: number): Promise<AuditCheckpoint | undefined> {
    const [row] = await this.rows(this.dataSource.manager, 'WHERE id = $1', [id]);
    return row && exported(row);
  }

  /**
   * Compares every chain with the newest checkpoint: a stream it attested that is gone (DELETED_CHAIN), ends before
   * the attested version (CUT_TAIL) or has another hash there (REWRITTEN); and the checkpoints themselves, whose
   * signatures and digests must hold back to the last full one.
   */
  async verify(keyRing: KeyRing): Promise<CheckpointVerification> {
    const manager = this.dataSource.manager;
    const [latest] = await this.rows(manager, 'ORDER BY id DESC LIMIT 1');
    if (!latest) return { valid: true, problems: [] };
    const checkpoint = { id: Number(latest.id), createdAt: new Date(latest.created_at).toISOString(), streams: latest.streams };
    const attested = await this.attested(manager, latest, keyRing);
    // Heads under a signature that does not hold are no evidence of anything: the forgery is the finding.
    if (attested.problems.length) return { checkpoint, valid: false, problems: attested.problems };

    const problems: CheckpointProblem[] = [];
    const current = await currentHeads(manager);
    const behind: ChainHead[] = [];
    for (const was of attested.heads.values()) {
      const now = current.get(headKey(was));
      const where = { caseId: was.caseId, stream: was.stream, checkpointId: checkpoint.id };
      if (!now) problems.push({ kind: 'DELETED_CHAIN', ...where, detail: `the trail is gone; checkpoint ${checkpoint.id} attested it up to version ${was.version}` });
      else if (now.version < was.version) {
        problems.push({ kind: 'CUT_TAIL', ...where, detail: `the trail ends at version ${now.version}; checkpoint ${checkpoint.id} attested version ${was.version}` });
      } else if (now.version === was.version && now.hash !== was.hash) {
        problems.push({ kind: 'REWRITTEN', ...where, detail: `version ${was.version} has another hash than checkpoint ${checkpoint.id} attested` });
      } else if (now.version > was.version) behind.push(was);
    }
    for (const key of await rewrittenBelow(manager, behind)) {
      const [caseId, stream] = key.split('/');
      const was = attested.heads.get(key)!;
      problems.push({ kind: 'REWRITTEN', caseId, stream, checkpointId: checkpoint.id, detail: `version ${was.version} has another hash than checkpoint ${checkpoint.id} attested` });
    }
    const security = await securityHead(manager, contentOf(latest).securityEvents);
    if (security.anomaly) {
      const kind = security.anomaly.includes('rewritten') ? 'REWRITTEN' : 'CUT_TAIL';
      problems.push({ kind, stream: SECURITY_STREAM, checkpointId: checkpoint.id, detail: security.anomaly });
    }
    return { checkpoint, valid: problems.length === 0, problems };
  }

  /** The state `upTo` attests, rebuilt from the last full checkpoint, each signature and digest checked on the way. */
  private async attested(manager: EntityManager, upTo: Row, keyRing: KeyRing): Promise<Attested> {
    const rows = [upTo];
    const problems: CheckpointProblem[] = [];
    while (rows[0].base_id !== null && rows.length <= FULL_CHECKPOINT_EVERY * 2) {
      const [base] = await this.rows(manager, 'WHERE id = $1', [rows[0].base_id]);
      if (!base) {
        problems.push({ kind: 'CHECKPOINT_CHAIN', checkpointId: Number(rows[0].id), detail: `checkpoint ${rows[0].id} builds on checkpoint ${rows[0].base_id}, which is gone` });
        return { heads: new Map(), rows, problems };
      }
      rows.unshift(base);
    }
    const heads = new Map<string, ChainHead>();
    for (const row of rows) {
      const content = contentOf(row);
      const id = content.id;
      if (!keyRing.hasKey(content.keyId)) {
        problems.push({ kind: 'FORGED_CHECKPOINT', checkpointId: id, detail: `checkpoint ${id} is signed with key "${content.keyId}", which is not in the key ring` });
      } else if (!signatureMatches(keyRing.derivedKey(CHECKPOINT_KEY_PURPOSE, content.keyId), content, row.signature)) {
        problems.push({ kind: 'FORGED_CHECKPOINT', checkpointId: id, detail: `checkpoint ${id}: its signature does not match its content` });
      } else if (sha256(row.heads) !== content.headsDigest) {
        problems.push({ kind: 'FORGED_CHECKPOINT', checkpointId: id, detail: `checkpoint ${id}: its stored heads do not match their signed digest` });
      }
      if (problems.length) continue;
      if (content.baseId === null) heads.clear();
      for (const h of decodeHeads(row.heads)) heads.set(headKey(h), h);
      if (sha256(encodeHeads(heads.values())) !== content.stateDigest || heads.size !== content.streams) {
        problems.push({ kind: 'CHECKPOINT_CHAIN', checkpointId: id, detail: `checkpoint ${id}: the heads rebuilt from its base do not match its signed digest` });
      }
    }
    return { heads, rows, problems };
  }

  private rows(manager: EntityManager, clause: string, params: unknown[] = []): Promise<Row[]> {
    return manager.query(`SELECT * FROM audit_checkpoints ${clause}`, params);
  }
}

export class CheckpointTrustError extends Error {}

function exported(row: Row): AuditCheckpoint {
  const content = contentOf(row);
  return { ...content, kind: content.baseId === null ? 'FULL' : 'DELTA', signature: row.signature, signedText: signedText(content), heads: decodeHeads(row.heads) };
}

/** The last event of every stream (a backward scan of the (case_id, stream, version) index). */
async function currentHeads(manager: EntityManager): Promise<Map<string, ChainHead>> {
  const rows: { case_id: string; stream: string; version: number; hash: string }[] = await manager.query(
    `SELECT DISTINCT ON (case_id, stream) case_id, stream, version, hash FROM audit_events
     ORDER BY case_id DESC, stream DESC, version DESC`,
  );
  return new Map(rows.map((r) => [`${r.case_id}/${r.stream}`, { caseId: r.case_id, stream: r.stream, version: r.version, hash: r.hash }]));
}

/** Keys of the heads whose event at the attested version now has another hash (or is missing). */
async function rewrittenBelow(manager: EntityManager, attested: ChainHead[]): Promise<Set<string>> {
  const rewritten = new Set<string>();
  for (let i = 0; i < attested.length; i += LOOKUP_BATCH) {
    const batch = attested.slice(i, i + LOOKUP_BATCH);
    const rows: { case_id: string; stream: string; hash: string | null }[] = await manager.query(
      `SELECT h.case_id, h.stream, e.hash FROM unnest($1::uuid[], $2::text[], $3::integer[]) AS h(case_id, stream, version)
       LEFT JOIN audit_events e ON e.case_id = h.case_id AND e.stream = h.stream AND e.version = h.version`,
      [batch.map((h) => h.caseId), batch.map((h) => h.stream), batch.map((h) => h.version)],
    );
    const found = new Map(rows.map((r) => [`${r.case_id}/${r.stream}`, r.hash]));
    for (const h of batch) if (found.get(headKey(h)) !== h.hash) rewritten.add(headKey(h));
  }
  return rewritten;
}

/**
 * The security-event log's head, kept at the attested one when the log now stands behind it or was rewritten there.
 * Null while the log is empty or its table does not exist.
 */
async function securityHead(manager: EntityManager, attested: SecurityLogHead | null): Promise<{ head: SecurityLogHead | null; anomaly?: string }> {
  const [{ exists }] = await manager.query(`SELECT to_regclass('security_events') IS NOT NULL AS exists`);
  const [latest]: { seq: string; hash: string }[] = exists ? await manager.query('SELECT seq, hash FROM security_events ORDER BY seq DESC LIMIT 1') : [];
  const head = latest ? { seq: Number(latest.seq), hash: latest.hash } : null;
  if (!attested) return { head };
  if (!head || head.seq < attested.seq) {
    return { head: attested, anomaly: `the security-event log ends at event ${head?.seq ?? 0}; a checkpoint attested event ${attested.seq}` };
  }
  const [at]: { hash: string }[] = await manager.query('SELECT hash FROM security_events WHERE seq = $1', [attested.seq]);
  if (at?.hash !== attested.hash) return { head: attested, anomaly: `security event ${attested.seq} was rewritten since a checkpoint attested it` };
  return { head };
}
