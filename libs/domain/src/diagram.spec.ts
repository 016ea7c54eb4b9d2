import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assign, setup, type AnyStateMachine } from 'xstate';
import { challengeMachine, challengeStatus } from './challenge';
import { toMermaid } from './diagram';
import type { MachineState } from './machine-state';
import { onboardingMachine, onboardingStatus } from './onboarding';
import { paymentMachine, paymentStatus } from './payment';
import { registrationMachine, registrationStatus } from './registration';
import { subUserRequestMachine, subUserRequestStatus } from './sub-user-request';

const DOCS = resolve(__dirname, '../../../docs/machines');

interface Flow {
  readonly file: string;
  readonly title: string;
  readonly machine: AnyStateMachine;
  readonly status: (state: MachineState<never>) => string;
}

const flow = (file: string, title: string, machine: AnyStateMachine, status: Flow['status']): Flow => ({
  file,
  title,
  machine,
  status,
});

/** One document per flow folder: docs/machines/<folder>.md. */
const FLOWS: readonly Flow[] = [
  flow('onboarding', 'Partner onboarding (§1.5)', onboardingMachine, onboardingStatus),
  flow('registration', 'Registration (§1.5, §1.7, §1.10, §1.11)', registrationMachine, registrationStatus),
  flow('challenge', 'One-time code challenge (§1.4, §1.11, §1.13)', challengeMachine, challengeStatus),
  flow('sub-user-request', 'Sub-user request (§1.8)', subUserRequestMachine, subUserRequestStatus),
  flow('payment', 'Payment document (§1.2, §1.13, §1.14, §2.4)', paymentMachine, paymentStatus),
];

/** The committed document: the diagram, and a table of API statuses for frontends. */
const render = (flow: Flow): string => {
  const generated = `Generated from libs/domain/src/${flow.file}/ by libs/domain/src/diagram.spec.ts.`;
  const statusOf = (key: string) => flow.status({ value: key, context: undefined as never });
  const rows = Object.values(flow.machine.root.states).map((node) => `| \`${node.key}\` | \`${statusOf(node.key)}\` | ${node.type === 'final' ? 'yes' : ''} |`);
  return [
    `# ${flow.title}`,
    '',
    `<!-- ${generated} Do not edit; run \`npm run diagrams\`. -->`,
    '',
    "Events, guards and refusal codes are documented in the flow's `index.ts`.",
    '',
    '```mermaid',
    toMermaid(flow.machine, { describe: statusOf }).trimEnd(),
    '```',
    '',
    '| State | API status | Final |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
};

describe('toMermaid', () => {
  const tiny = setup({
    types: {} as { context: { n: number }; events: { type: 'GO'; fast: boolean } | { type: 'STOP' } },
    guards: { isFast: ({ event }, params: { fast: boolean }) => event.type === 'GO' && event.fast === params.fast },
    actions: { count: assign(({ context }) => ({ n: context.n + 1 })) },
  }).createMachine({
    id: 'tiny',
    initial: 'idle',
    context: { n: 0 },
    states: {
      idle: {
        on: {
          GO: [{ guard: { type: 'isFast', params: { fast: true } }, target: 'done' }, { actions: 'count' }],
          STOP: 'done',
        },
      },
      done: { type: 'final' },
    },
  });

  it('draws initial, guarded, targetless and final transitions in definition order', () => {
    expect(toMermaid(tiny, { describe: (key) => (key === 'idle' ? 'IDLE: waiting' : undefined) })).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> idle',
        '  idle : IDLE_ waiting',
        '  idle --> done : GO [isFast fast=true]',
        '  idle --> idle : GO / count',
        '  idle --> done : STOP',
        '  done --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('shows every transition of a real machine', () => {
    const diagram = toMermaid(registrationMachine);
    expect(diagram).toContain('codeSent --> locked : CODE_CHECKED [canCheckCode outcome=lastWrong] / spendAttempt');
    expect(diagram).toContain('codeVerified --> cancelled : CANCEL / recordCancelReason');
    expect(diagram.split('\n').filter((line) => line.includes(' --> [*]'))).toHaveLength(4);
  });
});

describe('docs/machines are generated from the machines', () => {
  it.each(FLOWS.map((f) => [f.file, f] as const))('docs/machines/%s.md', (file, f) => {
    const path = join(DOCS, `${file}.md`);
    const expected = render(f);
    if (process.env.UPDATE_DIAGRAMS === '1') {
      mkdirSync(DOCS, { recursive: true });
      writeFileSync(path, expected);
      return;
    }
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current !== expected) {
      const problem = current === null ? 'missing' : 'out of date';
      throw new Error(`docs/machines/${file}.md is ${problem}: run \`npm run diagrams\`.`);
    }
  });
});
