import { Select } from 'antd';
import type { CaseDetail, PersonConcerned } from '@dandang/contracts';

/** Who a person field may name: the case's persons concerned, or its registered subject alone (P1) before filing. */
export function casePersons(detail: CaseDetail): Pick<PersonConcerned, 'personId' | 'name' | 'position'>[] {
  if (detail.persons?.length) return detail.persons;
  return detail.subject ? [{ personId: 'P1', name: detail.subject.name, position: detail.subject.position }] : [];
}

/** A person's name as lists show it: `张三（街道办事处主任）`, or the bare id of one the case does not list. */
export function personName(persons: readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[], personId: string): string {
  const person = persons.find((p) => p.personId === personId);
  return person ? `${person.name}（${person.position}）` : personId;
}

interface Props {
  persons: readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[];
  value?: string;
  onChange?(value: string | undefined): void;
  id?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-document-person'?: boolean;
}

/** A choice of one of the case's persons concerned; its value is the person's id (P1, P2, …). */
export function PersonSelect({ persons, ...props }: Props) {
  return <Select {...props} options={persons.map((p) => ({ value: p.personId, label: personName(persons, p.personId) }))} />;
}
