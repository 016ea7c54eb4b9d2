import { useI18n } from '../i18n/i18n';
import type { SecurityParameters } from '../api/schema';
import { checkPassword } from '../../../../libs/domain/src/password-policy';

type Policy = SecurityParameters['passwordPolicy'];

// The bank's policy (which rules apply, the lengths) comes from GET /v1/security/parameters; each
// rule is ticked by the domain's own check (libs/domain), so the cabinet holds no copy of a rule.
// The API still decides on submit (the login and history rules need what only it knows).
const unmet = (policy: Policy, password: string): Set<string> => new Set(checkPassword(password, { login: '', policy }).map((problem) => problem.code));

/** The published password rules, each ticked or not for what has been typed so far. */
export function PasswordRules({ policy, password }: { policy: Policy; password: string }) {
  const { t } = useI18n();
  const problems = unmet(policy, password);
  const rules: { id: string; text: string; met?: boolean }[] = [
    { id: 'minLength', text: t('rule.minLength', { n: policy.minLength }), met: !problems.has('PASSWORD.TOO_SHORT') },
    { id: 'maxLength', text: t('rule.maxLength', { n: policy.maxLength }), met: !problems.has('PASSWORD.TOO_LONG') },
  ];
  if (policy.requireUpper) rules.push({ id: 'upper', text: t('rule.upper'), met: !problems.has('PASSWORD.NO_UPPER') });
  if (policy.requireLower) rules.push({ id: 'lower', text: t('rule.lower'), met: !problems.has('PASSWORD.NO_LOWER') });
  if (policy.requireDigit) rules.push({ id: 'digit', text: t('rule.digit'), met: !problems.has('PASSWORD.NO_DIGIT') });
  if (policy.requireSymbol) rules.push({ id: 'symbol', text: t('rule.symbol'), met: !problems.has('PASSWORD.NO_SYMBOL') });
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
