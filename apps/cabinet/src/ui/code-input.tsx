import { useI18n } from '../i18n/i18n';
import { Countdown } from './countdown';
import { Field } from './field';

/** An SMS code field with the countdown of that code's lifetime, as every code step shows it. */
export function CodeInput({
  expiresAt,
  code,
  onCode,
  error,
}: {
  expiresAt: string | null | undefined;
  code: string;
  onCode: (code: string) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Countdown at={expiresAt} running="countdown.codeExpires" over="countdown.codeExpired" testId="code-countdown" />
      <Field
        path="code"
        label={t('code.label')}
        error={error}
        value={code}
        onChange={(e) => onCode(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
    </>
  );
}
