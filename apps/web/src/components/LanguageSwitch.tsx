import { Segmented } from 'antd';
import { useLocale, type Lang } from '../i18n/locale';

/** 中文 / English; the choice is kept in this browser. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLocale();
  return (
    <Segmented<Lang>
      aria-label={t('language')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
