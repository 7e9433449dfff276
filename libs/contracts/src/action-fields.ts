import type { Label } from './labels';

/**
 * How an action's payload field is shaped. The API validates payloads against these specs and the web
 * application builds its forms from them, so each field is described once.
 */
export type FieldSpec =
  | { type: 'text'; label: Label; required: boolean; maxLength: number }
  | { type: 'enum'; label: Label; required: boolean; values: readonly string[] }
  | { type: 'datetime'; label: Label; required: boolean }
  | { type: 'uuid'; label: Label; required: boolean }
  | { type: 'sha256'; label: Label; required: boolean }
  | { type: 'accountabilityForms'; label: Label; required: boolean }
  | { type: 'integer'; label: Label; required: boolean; min: number; max: number }
  | { type: 'boolean'; label: Label; required: boolean }
  /** Several distinct values of a closed set. */
  | { type: 'enumList'; label: Label; required: boolean; values: readonly string[] }
  /** Several users, chosen from the directory (their ids). */
  | { type: 'userList'; label: Label; required: boolean }
  /** One of the persons the case concerns (`PersonConcerned.personId`), chosen from the case. */
  | { type: 'person'; label: Label; required: boolean }
  /** What is proposed for each person concerned: [{personId, responsibilityLevel, forms, leniency, grounds?}]. */
  | { type: 'personFindings'; label: Label; required: boolean }
  /** The members' votes in a collective decision: [{memberId, vote, opinion?}]. */
  | { type: 'collectiveVotes'; label: Label; required: boolean }
  /** Correction items: [{owner, action, severity, dueDate?}]. */
  | { type: 'correctionItems'; label: Label; required: boolean }
  /** A structured object checked by a domain rule of its own (e.g. a fault-tolerance assessment). */
  | { type: 'object'; label: Label; required: boolean };

export const SHORT_TEXT = 200;
export const LONG_TEXT = 10_000;

export const text = (label: Label, required = true, maxLength = LONG_TEXT): FieldSpec => ({
  type: 'text',
  label,
  required,
  maxLength,
});
export const oneOf = (label: Label, values: readonly string[], required = true): FieldSpec => ({
  type: 'enum',
  label,
  required,
  values,
});
