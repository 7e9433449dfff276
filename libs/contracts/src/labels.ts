/** A user-facing label: Chinese first, English beside it (docs/domain.md asks for both). */
export interface Label {
  zh: string;
  en: string;
}

/** "中文 (English)", the form used in API messages and logs. */
export function bilingual(label: Label): string {
  return `${label.zh} (${label.en})`;
}
