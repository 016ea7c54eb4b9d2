import { useI18n } from '../i18n/i18n';
import type { SecurityParameters } from '../api/schema';

type Policy = SecurityParameters['passwordPolicy'];

// How each published flag is tested as the user types. The bank's policy (which rules apply,
// the lengths) comes from GET /v1/security/parameters; the API still decides on submit.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{N}\s]/u;

/** The published password rules, each ticked or not for what has been typed so far. */
export function PasswordRules({ policy, password }: { policy: Policy; password: string }) {
  const { t } = useI18n();
  const length = [...password].length;
  const rules: { id: string; text: string; met?: boolean }[] = [
    { id: 'minLength', text: t('rule.minLength', { n: policy.minLength }), met: length >= policy.minLength },
    { id: 'maxLength', text: t('rule.maxLength', { n: policy.maxLength }), met: length <= policy.maxLength },
  ];
  if (policy.requireUpper) rules.push({ id: 'upper', text: t('rule.upper'), met: UPPER.test(password) });
  if (policy.requireLower) rules.push({ id: 'lower', text: t('rule.lower'), met: LOWER.test(password) });
  if (policy.requireDigit) rules.push({ id: 'digit', text: t('rule.digit'), met: DIGIT.test(password) });
  if (policy.requireSymbol) rules.push({ id: 'symbol', text: t('rule.symbol'), met: SYMBOL.test(password) });
  rules.push({ id: 'login', text: t('rule.login') });
  if (policy.historySize > 0) rules.push({ id: 'history', text: t('rule.history', { n: policy.historySize }) });
  return (
    <ul className="rules" data-testid="password-rules">
      {rules.map((rule) => (
        <li key={rule.id} data-rule={rule.id} data-met={rule.met === undefined ? undefined : String(rule.met)}>
          {rule.text}
        </li>
      ))}
    </ul>
  );
}

export const meetsPolicy = (policy: Policy, password: string): boolean => {
  const length = [...password].length;
  return (
    length >= policy.minLength &&
    length <= policy.maxLength &&
    (!policy.requireUpper || UPPER.test(password)) &&
    (!policy.requireLower || LOWER.test(password)) &&
    (!policy.requireDigit || DIGIT.test(password)) &&
    (!policy.requireSymbol || SYMBOL.test(password))
  );
};
