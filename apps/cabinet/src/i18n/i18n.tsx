import { createContext, useContext, useState, type ReactNode } from 'react';
import { kk } from './kk';
import { localizeProblemsWith } from '../api/problem';
import { ru, type Key } from './ru';

export type Language = 'kk' | 'ru';
export const LANGUAGES: Record<Language, { name: string; words: Record<Key, string> }> = {
  kk: { name: 'Қазақша', words: kk },
  ru: { name: 'Русский', words: ru },
};
const STORED = 'cabinet.language';

export type Translate = (key: Key, values?: Record<string, string | number>) => string;
interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const Context = createContext<I18n | null>(null);

const initial = (): Language => {
  const stored = localStorage.getItem(STORED);
  if (stored === 'kk' || stored === 'ru') return stored;
  return navigator.language.toLowerCase().startsWith('kk') ? 'kk' : 'ru';
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initial);
  const setLanguage = (next: Language) => {
    localStorage.setItem(STORED, next);
    document.documentElement.lang = next;
    setState(next);
  };
  const words = LANGUAGES[language].words;
  const t: Translate = (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  localizeProblemsWith((code, problem) => {
    // Exact codes first (AUTH.INVALID_CREDENTIALS), then the flow-independent ending (REGISTRATION.WRONG_CODE).
    const key = [`problem.${code}`, `problem.${code.slice(code.indexOf('.') + 1)}`].find((k): k is Key => k in words);
    const seconds = typeof problem.retryAfterMs === 'number' ? Math.ceil(problem.retryAfterMs / 1000) : '';
    return key ? t(key, { seconds }) : null;
  });
  return <Context.Provider value={{ language, setLanguage, t }}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      {t('lang.label')}{' '}
      <select data-testid="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)} style={{ minWidth: 0 }}>
        {(Object.keys(LANGUAGES) as Language[]).map((code) => (
          <option key={code} value={code}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
    </label>
  );
}
