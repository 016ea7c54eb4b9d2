import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Key } from '../i18n/ru';

/** Whole seconds until `at` (an instant the API gave), ticking once a second; 0 once passed. */
export function useSecondsLeft(at: string | null | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!at) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at ? Math.max(0, Math.ceil((Date.parse(at) - now) / 1000)) : 0;
}

const two = (n: number): string => String(n).padStart(2, '0');
/** 4:59 for a code, 71:59:59 for a link. */
export const duration = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(seconds % 60)}` : `${m}:${two(seconds % 60)}`;
};

/** "Code valid for 4:59" until `at`, then the `over` text (or nothing). */
export function Countdown({ at, running, over, testId }: { at: string | null | undefined; running: Key; over?: Key; testId: string }) {
  const { t } = useI18n();
  const left = useSecondsLeft(at);
  if (!at) return null;
  if (left === 0)
    return over ? (
      <p className="countdown" data-testid={testId}>
        {t(over)}
      </p>
    ) : null;
  return (
    <p className="countdown" data-testid={testId}>
      {t(running, { time: duration(left) })}
    </p>
  );
}

/** A button that waits out a resend cooldown the API announced, showing the time left. */
export function CooldownButton({
  availableAt,
  onClick,
  label,
  busy,
  testId = 'resend',
}: {
  availableAt: string | null;
  onClick(): void;
  label: string;
  busy?: boolean;
  testId?: string;
}) {
  const left = useSecondsLeft(availableAt);
  return (
    <>
      <button type="button" data-testid={testId} disabled={busy || left > 0} onClick={onClick}>
        {label}
      </button>
      <Countdown at={left > 0 ? availableAt : null} running="countdown.resendIn" testId="resend-countdown" />
    </>
  );
}
