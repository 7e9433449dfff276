/**
 * The SQL of migration DashboardCounters1764662400000 (kept apart for length; part of that migration only: a later
 * change to the counters is a new migration, never an edit here).
 *
 * What is counted where: cases rows feed case_counts and case_due_counts; an audit event that moves a case to
 * another stage ends the visit of the stage it leaves (stage_visit_stats); review rows feed review_outcome_counts.
 * Visits and reviews belong to their case's org unit, so they are counted while the case has a row: added when the
 * row appears (or changes unit), removed when it goes. Counter rows may fall to zero and stay; readers skip them.
 */

/** Key columns of each counter, and what each `*_recomputed` view counts from scratch. */
export const COUNTER_TABLES = [
  `CREATE TABLE case_counts (
     org_unit_id uuid NOT NULL, stage text NOT NULL, card text NOT NULL, supervised boolean NOT NULL, cases bigint NOT NULL,
     PRIMARY KEY (org_unit_id, stage, card, supervised))`,
  // Cases whose clock runs (a due date, not suspended), by the UTC day it falls due.
  `CREATE TABLE case_due_counts (
     org_unit_id uuid NOT NULL, due_day date NOT NULL, cases bigint NOT NULL, PRIMARY KEY (org_unit_id, due_day))`,
  // Ended visits of a stage by days spent (a histogram; `days` is the bucket's first day), with their exact seconds.
  `CREATE TABLE stage_visit_stats (
     org_unit_id uuid NOT NULL, stage text NOT NULL, days integer NOT NULL, visits bigint NOT NULL, seconds numeric NOT NULL,
     PRIMARY KEY (org_unit_id, stage, days))`,
  `CREATE TABLE review_outcome_counts (
     org_unit_id uuid NOT NULL, outcome text NOT NULL, reviews bigint NOT NULL, PRIMARY KEY (org_unit_id, outcome))`,
];

export const COUNTER_VIEWS = [
  // Buckets one day wide below 32 days, then 4, 16 and 64 days wide (below 128, 512 days, and beyond): the p90 is
  // read to within its bucket, and a stage's histogram stays under ~100 rows per unit whatever the durations.
  `CREATE FUNCTION stage_visit_bucket_width(days integer) RETURNS integer LANGUAGE sql IMMUTABLE
     RETURN CASE WHEN days < 32 THEN 1 WHEN days < 128 THEN 4 WHEN days < 512 THEN 16 ELSE 64 END`,
  `CREATE FUNCTION stage_visit_days(seconds numeric) RETURNS integer LANGUAGE sql IMMUTABLE
     RETURN (SELECT d - d % stage_visit_bucket_width(d) FROM (SELECT greatest(floor(seconds / 86400), 0)::integer AS d) whole)`,
  // A visit starts at an event entering a stage and ends at the case's next such event (in version order).
  `CREATE VIEW stage_visits AS
     SELECT case_id, stage, seconds FROM (
       SELECT e.case_id, e.to_stage AS stage,
              extract(epoch FROM lead(e.occurred_at) OVER (PARTITION BY e.case_id ORDER BY e.version) - e.occurred_at) AS seconds
       FROM audit_events e
       WHERE e.stream = 'case' AND (e.from_stage IS NULL OR e.from_stage <> e.to_stage)
     ) moves
     WHERE seconds IS NOT NULL`,
  `CREATE VIEW case_counts_recomputed AS
     SELECT org_unit_id, stage, card, supervised, count(*) AS cases FROM cases GROUP BY 1, 2, 3, 4`,
  `CREATE VIEW case_due_counts_recomputed AS
     SELECT org_unit_id, (due_at AT TIME ZONE 'UTC')::date AS due_day, count(*) AS cases
     FROM cases WHERE due_at IS NOT NULL AND NOT clock_suspended GROUP BY 1, 2`,
  `CREATE VIEW stage_visit_stats_recomputed AS
     SELECT c.org_unit_id, v.stage, stage_visit_days(v.seconds) AS days, count(*) AS visits, sum(v.seconds) AS seconds
     FROM stage_visits v JOIN cases c ON c.id = v.case_id GROUP BY 1, 2, 3`,
  `CREATE VIEW review_outcome_counts_recomputed AS
     SELECT c.org_unit_id, coalesce(r.state->'determination'->>'outcome', r.status) AS outcome, count(*) AS reviews
     FROM fault_tolerance_reviews r JOIN cases c ON c.id = r.case_id GROUP BY 1, 2`,
  // Zero and missing rows are the same count.
  `CREATE VIEW dashboard_counter_differences AS
     SELECT 'case_counts' AS counter, concat_ws(' ', org_unit_id, stage, card, supervised::text) AS key, 'cases' AS field,
            coalesce(s.cases, 0)::numeric AS stored, coalesce(r.cases, 0)::numeric AS recomputed
     FROM case_counts s FULL JOIN case_counts_recomputed r USING (org_unit_id, stage, card, supervised)
     WHERE coalesce(s.cases, 0) <> coalesce(r.cases, 0)
     UNION ALL
     SELECT 'case_due_counts', concat_ws(' ', org_unit_id, due_day), 'cases', coalesce(s.cases, 0), coalesce(r.cases, 0)
     FROM case_due_counts s FULL JOIN case_due_counts_recomputed r USING (org_unit_id, due_day)
     WHERE coalesce(s.cases, 0) <> coalesce(r.cases, 0)
     UNION ALL
     SELECT 'stage_visit_stats', concat_ws(' ', org_unit_id, stage, days), f.field, f.stored, f.recomputed
     FROM stage_visit_stats s FULL JOIN stage_visit_stats_recomputed r USING (org_unit_id, stage, days)
     CROSS JOIN LATERAL (VALUES ('visits', coalesce(s.visits, 0)::numeric, coalesce(r.visits, 0)::numeric),
                                ('seconds', coalesce(s.seconds, 0), coalesce(r.seconds, 0))) f(field, stored, recomputed)
     WHERE f.stored <> f.recomputed
     UNION ALL
     SELECT 'review_outcome_counts', concat_ws(' ', org_unit_id, outcome), 'reviews', coalesce(s.reviews, 0), coalesce(r.reviews, 0)
     FROM review_outcome_counts s FULL JOIN review_outcome_counts_recomputed r USING (org_unit_id, outcome)
     WHERE coalesce(s.reviews, 0) <> coalesce(r.reviews, 0)`,
];

export const COUNTER_FUNCTIONS = [
  // Adds (delta 1) or removes (delta -1) what belongs to one case's org unit: its ended visits and its reviews.
  `CREATE FUNCTION case_attributed_add(case_id uuid, unit uuid, delta integer) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO stage_visit_stats AS t (org_unit_id, stage, days, visits, seconds)
     SELECT unit, v.stage, stage_visit_days(v.seconds), delta * count(*), delta * sum(v.seconds)
     FROM stage_visits v WHERE v.case_id = case_attributed_add.case_id GROUP BY 2, 3 ORDER BY 2, 3
     ON CONFLICT (org_unit_id, stage, days) DO UPDATE SET visits = t.visits + EXCLUDED.visits, seconds = t.seconds + EXCLUDED.seconds;
     INSERT INTO review_outcome_counts AS t (org_unit_id, outcome, reviews)
     SELECT unit, coalesce(r.state->'determination'->>'outcome', r.status), delta * count(*)
     FROM fault_tolerance_reviews r WHERE r.case_id = case_attributed_add.case_id GROUP BY 2 ORDER BY 2
     ON CONFLICT (org_unit_id, outcome) DO UPDATE SET reviews = t.reviews + EXCLUDED.reviews;
   END $$`,
  // Old key minus one, new key plus one, in one statement each and in key order: two transactions moving cases in
  // opposite directions lock the counter rows in the same order, so they cannot deadlock.
  `CREATE FUNCTION cases_counters() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     o cases;
     n cases;
   BEGIN
     IF TG_OP <> 'INSERT' THEN o := OLD; END IF;
     IF TG_OP <> 'DELETE' THEN n := NEW; END IF;
     IF o.org_unit_id IS DISTINCT FROM n.org_unit_id THEN
       IF o.id IS NOT NULL THEN PERFORM case_attributed_add(o.id, o.org_unit_id, -1); END IF;
       IF n.id IS NOT NULL THEN PERFORM case_attributed_add(n.id, n.org_unit_id, 1); END IF;
     END IF;
     INSERT INTO case_counts AS t (org_unit_id, stage, card, supervised, cases)
     SELECT k.unit, k.stage, k.card, k.supervised, sum(k.d)
     FROM (VALUES (o.org_unit_id, o.stage, o.card, o.supervised, -1), (n.org_unit_id, n.stage, n.card, n.supervised, 1))
          AS k(unit, stage, card, supervised, d)
     WHERE k.unit IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING sum(k.d) <> 0 ORDER BY 1, 2, 3, 4
     ON CONFLICT (org_unit_id, stage, card, supervised) DO UPDATE SET cases = t.cases + EXCLUDED.cases;
     INSERT INTO case_due_counts AS t (org_unit_id, due_day, cases)
     SELECT k.unit, k.due_day, sum(k.d)
     FROM (VALUES (o.org_unit_id, CASE WHEN NOT o.clock_suspended THEN (o.due_at AT TIME ZONE 'UTC')::date END, -1),
                  (n.org_unit_id, CASE WHEN NOT n.clock_suspended THEN (n.due_at AT TIME ZONE 'UTC')::date END, 1))
          AS k(unit, due_day, d)
     WHERE k.unit IS NOT NULL AND k.due_day IS NOT NULL GROUP BY 1, 2 HAVING sum(k.d) <> 0 ORDER BY 1, 2
     ON CONFLICT (org_unit_id, due_day) DO UPDATE SET cases = t.cases + EXCLUDED.cases;
     RETURN NULL;
   END $$`,
  // Events of one case arrive in version order, so an event entering a stage ends the visit of the latest earlier
  // one (what stage_visits' lead() pairs). Without a case row the visit is counted when the row is written.
  `CREATE FUNCTION audit_events_stage_visit() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     case_unit uuid;
     prev record;
     spent numeric;
   BEGIN
     IF NEW.stream <> 'case' OR NEW.from_stage = NEW.to_stage THEN RETURN NULL; END IF;
     SELECT c.org_unit_id INTO case_unit FROM cases c WHERE c.id = NEW.case_id;
     IF case_unit IS NULL THEN RETURN NULL; END IF;
     SELECT e.to_stage, e.occurred_at INTO prev FROM audit_events e
     WHERE e.case_id = NEW.case_id AND e.stream = 'case' AND e.version < NEW.version
       AND (e.from_stage IS NULL OR e.from_stage <> e.to_stage)
     ORDER BY e.version DESC LIMIT 1;
     IF NOT FOUND THEN RETURN NULL; END IF;
     spent := extract(epoch FROM NEW.occurred_at - prev.occurred_at);
     INSERT INTO stage_visit_stats AS t (org_unit_id, stage, days, visits, seconds)
     VALUES (case_unit, prev.to_stage, stage_visit_days(spent), 1, spent)
     ON CONFLICT (org_unit_id, stage, days) DO UPDATE SET visits = t.visits + 1, seconds = t.seconds + EXCLUDED.seconds;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION reviews_counters() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     o fault_tolerance_reviews;
     n fault_tolerance_reviews;
   BEGIN
     IF TG_OP <> 'INSERT' THEN o := OLD; END IF;
     IF TG_OP <> 'DELETE' THEN n := NEW; END IF;
     INSERT INTO review_outcome_counts AS t (org_unit_id, outcome, reviews)
     SELECT c.org_unit_id, k.outcome, sum(k.d)
     FROM (VALUES (o.case_id, coalesce(o.state->'determination'->>'outcome', o.status), -1),
                  (n.case_id, coalesce(n.state->'determination'->>'outcome', n.status), 1)) AS k(case_id, outcome, d)
     JOIN cases c ON c.id = k.case_id
     GROUP BY 1, 2 HAVING sum(k.d) <> 0 ORDER BY 1, 2
     ON CONFLICT (org_unit_id, outcome) DO UPDATE SET reviews = t.reviews + EXCLUDED.reviews;
     RETURN NULL;
   END $$`,
  // The lock makes writers wait for the rebuild (and the rebuild for writers in flight), so no increment is lost
  // or counted twice: each statement after it sees every committed write, and later writes add to the result.
  `CREATE FUNCTION dashboard_counters_rebuild() RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     LOCK TABLE case_counts, case_due_counts, stage_visit_stats, review_outcome_counts IN EXCLUSIVE MODE;
     DELETE FROM case_counts;
     INSERT INTO case_counts SELECT * FROM case_counts_recomputed;
     DELETE FROM case_due_counts;
     INSERT INTO case_due_counts SELECT * FROM case_due_counts_recomputed;
     DELETE FROM stage_visit_stats;
     INSERT INTO stage_visit_stats SELECT * FROM stage_visit_stats_recomputed;
     DELETE FROM review_outcome_counts;
     INSERT INTO review_outcome_counts SELECT * FROM review_outcome_counts_recomputed;
   END $$`,
];

export const COUNTER_TRIGGERS = [
  `CREATE TRIGGER cases_counters_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION cases_counters()`,
  // Most projections change none of the counted columns (a pending approval, an assignee): no trigger call then.
  `CREATE TRIGGER cases_counters_update AFTER UPDATE ON cases FOR EACH ROW
   WHEN ((OLD.org_unit_id, OLD.stage, OLD.card, OLD.supervised, OLD.due_at, OLD.clock_suspended)
         IS DISTINCT FROM (NEW.org_unit_id, NEW.stage, NEW.card, NEW.supervised, NEW.due_at, NEW.clock_suspended))
   EXECUTE FUNCTION cases_counters()`,
  `CREATE TRIGGER audit_events_stage_visit AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_stage_visit()`,
  `CREATE TRIGGER fault_tolerance_reviews_counters AFTER INSERT OR UPDATE OR DELETE ON fault_tolerance_reviews FOR EACH ROW
   EXECUTE FUNCTION reviews_counters()`,
];
