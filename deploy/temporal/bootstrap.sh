#!/bin/sh
# Temporal bootstrap for Dandang, run by the temporal-bootstrap service
# (temporalio/admin-tools, POSIX sh) once the server is up. Idempotent: every
# `docker compose up` re-runs it, it creates what is missing, re-applies the
# retention, tolerates "already exists" and fails on a search-attribute type clash.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-dandang}"
# Retention of CLOSED cases: 90 days (a Go duration, hence hours). Long enough
# for post-incident review, UI inspection and capturing replay histories of a
# quarter's cases; short enough to bound Temporal's PostgreSQL. It is not the
# audit record: that lives in the application database, without expiry.
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-2160h}"
ATTEMPTS="${BOOTSTRAP_ATTEMPTS:-60}"

# Name=Type, one per line. Must match SEARCH_ATTRIBUTES in @dandang/contracts
# (test/deployment/docker-compose.spec.ts checks both directions).
SEARCH_ATTRIBUTES="
CaseStage=Keyword
CaseNumber=Keyword
CaseOrgUnit=Keyword
"

log() { echo "bootstrap: $*"; }

# retry WHAT CMD...: right after start the frontend may not serve yet and a new
# namespace is invisible until the namespace cache refreshes (~10 s).
# Note: `set -e` is off inside an `until` condition, so callees return codes.
retry() {
  what=$1
  shift
  n=1
  until "$@"; do
    if [ "$n" -ge "$ATTEMPTS" ]; then
      log "giving up on $what after $n attempts" >&2
      exit 1
    fi
    n=$((n + 1))
    sleep 2
  done
}

ensure_namespace() {
  if temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; then
    temporal operator namespace update --address "$ADDRESS" --namespace "$NAMESPACE" \
      --retention "$RETENTION" >/dev/null || return 1
    log "namespace $NAMESPACE exists, retention $RETENTION"
    return 0
  fi
  # A failed create (transient error, concurrent run) is retried and then
  # takes the describe path above.
  temporal operator namespace create --address "$ADDRESS" --namespace "$NAMESPACE" \
    --retention "$RETENTION" || return 1
  log "namespace $NAMESPACE created, retention $RETENTION"
}

ensure_search_attribute() {
  if out=$(temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" \
    --name "$1" --type "$2" 2>&1); then
    log "search attribute $1 ($2) registered"
    return 0
  fi
  case $out in
    *"different type"*)
      # Never retried: changing a type needs a deliberate migration.
      log "search attribute $1 exists with a type other than $2: $out" >&2
      exit 1
      ;;
    *"already exists"*)
      log "search attribute $1 ($2) already registered"
      return 0
      ;;
  esac
  log "search attribute $1: $out" >&2
  return 1
}

retry "cluster health at $ADDRESS" temporal operator cluster health --address "$ADDRESS"
retry "namespace $NAMESPACE" ensure_namespace
for entry in $SEARCH_ATTRIBUTES; do
  retry "search attribute $entry" ensure_search_attribute "${entry%%=*}" "${entry#*=}"
done
log "done"
