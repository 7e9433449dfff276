import { Tag } from 'antd';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, LENIENCY_GROUNDS, type AccountabilityFormChoice, type LeniencyGround } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';

/** Accountability forms as tags, each with its subtype. */
export function FormsList({ forms }: { forms: AccountabilityFormChoice[] }) {
  const { l } = useLocale();
  return (
    <>
      {forms.map((f, i) => {
        const sub = f.subtype ? ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype] : undefined;
        return (
          <Tag key={i} color="volcano">
            {l(ACCOUNTABILITY_FORMS[f.form])}
            {sub ? `：${l(sub)}` : ''}
          </Tag>
        );
      })}
    </>
  );
}

/** The grounds of a leniency or of 不予问责, each with its article of 问责条例. */
export function GroundsList({ grounds }: { grounds: readonly LeniencyGround[] }) {
  const { l } = useLocale();
  return (
    <>
      {grounds.map((g) => (
        <Tag key={g} data-ground={g}>
          {l(LENIENCY_GROUNDS[g])}
        </Tag>
      ))}
    </>
  );
}
