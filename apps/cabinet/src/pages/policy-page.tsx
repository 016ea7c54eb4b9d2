import { useEffect, useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { extra, NONE, show, type Shown } from '../api/problem';
import type { Schemas } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { CooldownButton } from '../ui/countdown';
import { Field, ProblemMessage } from '../ui/field';
import { can, useMe } from '../ui/me';
import { CodeInput } from '../ui/code-input';

type Policy = Schemas['ApprovalPolicyView'];
type Rule = Schemas['ApprovalPolicy']['rules'][number];

/** §1.2.1: how many confirmations a payment needs by amount; a change takes effect with the changer's SMS code. */
export function PolicyPage() {
  const { t } = useI18n();
  const me = useMe();
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [rules, setRules] = useState<Rule[]>([]);
  const [authorMayConfirm, setAuthorMayConfirm] = useState(true);
  const [challenge, setChallenge] = useState<{ challengeId: string; expiresAt: string } | null>(null);
  const [retryAt, setRetryAt] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);

  const adopt = (view: Policy) => {
    setPolicy(view);
    setRules(view.rules.map((r) => ({ minAmount: r.minAmount, requiredConfirmations: r.requiredConfirmations })));
    setAuthorMayConfirm(view.authorMayConfirm);
  };
  useEffect(() => void api.GET('/v1/partner/approval-policy').then(({ data }) => data && adopt(data)), []);

  const propose = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    const { data, error } = await api.PUT('/v1/partner/approval-policy', {
      params: { header: { 'Idempotency-Key': idempotencyKey() } },
      body: { rules, authorMayConfirm },
    });
    setBusy(false);
    if (data) {
      setChallenge(data);
      return setShown(NONE);
    }
    const refused = show(error, t('app.unavailable'));
    const retryAfterMs = extra(refused.problem, 'retryAfterMs');
    if (retryAfterMs !== undefined) setRetryAt(new Date(Date.now() + retryAfterMs).toISOString());
    setShown(refused);
  };
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return;
    setBusy(true);
    const { data, error } = await api.POST('/v1/partner/approval-policy/changes/{challengeId}/verify', {
      params: { path: { challengeId: challenge.challengeId } },
      body: { code },
    });
    setBusy(false);
    if (data) {
      adopt(data);
      setChallenge(null);
      setCode('');
      return setShown(NONE);
    }
    const refused = show(error, t('app.unavailable'));
    const left = extra(refused.problem, 'attemptsLeft');
    setShown({
      ...refused,
      fields: { code: [refused.fields.code ?? refused.message, left === undefined ? '' : t('code.attemptsLeft', { n: left })].join(' ').trim() },
      message: null,
    });
  };

  if (!policy) return null;
  const editable = can(me, 'APPROVAL_POLICY_CHANGE') && !challenge;
  const setRule = (i: number, rule: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...rule } : r)));
  return (
    <section data-testid="policy" data-version={policy.version}>
      <h1>{t('policy.title')}</h1>
      <p>{rules.length === 0 ? t('policy.default') : t('policy.version', { n: policy.version })}</p>
      <form onSubmit={(e) => void (challenge ? verify(e) : propose(e))}>
        {rules.map((rule, i) => (
          <div key={i} data-testid="policy-rule" style={{ display: 'flex', gap: '1rem', alignItems: 'flex-end' }}>
            <Field
              path={`rules.${i}.minAmount`}
              label={t('policy.minAmount')}
              error={shown.fields[`rules.${i}.minAmount`]}
              value={rule.minAmount}
              disabled={!editable}
              onChange={(e) => setRule(i, { minAmount: e.target.value })}
            />
            <Field
              path={`rules.${i}.requiredConfirmations`}
              label={t('policy.required')}
              error={shown.fields[`rules.${i}.requiredConfirmations`]}
              type="number"
              value={String(rule.requiredConfirmations)}
              disabled={!editable}
              onChange={(e) => setRule(i, { requiredConfirmations: Number(e.target.value) })}
              style={{ minWidth: '5rem' }}
            />
            {editable && (
              <button type="button" onClick={() => setRules(rules.filter((_, j) => j !== i))}>
                ✕
              </button>
            )}
          </div>
        ))}
        {shown.fields.rules && (
          <p className="field-error" data-testid="error-rules">
            {shown.fields.rules}
          </p>
        )}
        <label>
          <input
            type="checkbox"
            data-testid="author-may-confirm"
            checked={authorMayConfirm}
            disabled={!editable}
            onChange={(e) => setAuthorMayConfirm(e.target.checked)}
            style={{ minWidth: 0 }}
          />{' '}
          {t('policy.authorMayConfirm')}
        </label>
        {editable && (
          <>
            <button type="button" data-testid="add-rule" onClick={() => setRules([...rules, { minAmount: '', requiredConfirmations: 1 }])}>
              {t('policy.addRule')}
            </button>
            <CooldownButton availableAt={retryAt} onClick={() => void propose()} label={t('policy.save')} busy={busy} testId="save-policy" />
          </>
        )}
        {challenge && (
          <>
            <p className="confirms" data-testid="confirms-what">
              {t('policy.confirmsWhat')} {rules.map((r) => t('policy.tier', { amount: r.minAmount, n: r.requiredConfirmations })).join('; ') || t('policy.default')}
            </p>
            <CodeInput expiresAt={challenge.expiresAt} code={code} onCode={setCode} error={shown.fields.code} />
            <button type="submit" data-testid="verify" disabled={busy}>
              {t('register.verify')}
            </button>
          </>
        )}
        <ProblemMessage message={shown.message} />
      </form>
    </section>
  );
}
