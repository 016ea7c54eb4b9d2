import type { AnyStateMachine } from 'xstate';

export interface MermaidOptions {
  /** A line shown inside each state's box, e.g. its API status. */
  readonly describe?: (stateKey: string) => string | undefined;
}

/** Mermaid breaks on colons, quotes and the like inside labels: keep a plain subset. */
const plain = (text: string): string => text.replace(/[^A-Za-z0-9_=.,/ [\]-]/g, '_');

const referenceLabel = (reference: unknown): string | null => {
  if (typeof reference === 'string') return reference;
  if (typeof reference === 'function') return reference.name || 'inline';
  if (typeof reference !== 'object' || reference === null) return null;
  const { type, params } = reference as { type?: unknown; params?: unknown };
  if (typeof type !== 'string') return null;
  if (typeof params !== 'object' || params === null) return type;
  const facts = Object.entries(params as Record<string, unknown>)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}=${String(value)}`);
  return facts.length ? `${type} ${facts.join(',')}` : type;
};

const transitionLabel = (eventType: string, guard: unknown, actions: readonly unknown[]): string => {
  const guardText = guard === undefined ? '' : ` [${referenceLabel(guard) ?? 'guard'}]`;
  const actionNames = actions.map(referenceLabel).filter((name): name is string => name !== null);
  const actionText = actionNames.length ? ` / ${actionNames.join(', ')}` : '';
  return plain(`${eventType}${guardText}${actionText}`);
};

/**
 * A Mermaid state diagram of a flat machine, built from its definition only
 * (states, transitions in definition order, guards with params, actions), so the
 * docs cannot drift from the code: diagram.spec.ts compares the committed files.
 */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  const lines = ['stateDiagram-v2'];
  const nodes = Object.values(machine.root.states);
  for (const initial of machine.root.initial.target) lines.push(`  [*] --> ${initial.key}`);
  for (const node of nodes) {
    if (Object.keys(node.states).length > 0) throw new Error(`toMermaid supports flat machines; ${node.key} is nested`);
    const description = options.describe?.(node.key);
    if (description) lines.push(`  ${node.key} : ${plain(description)}`);
  }
  for (const node of nodes) {
    for (const [eventType, transitions] of Object.entries(node.on)) {
      for (const transition of transitions) {
        const label = transitionLabel(eventType, transition.guard, transition.actions);
        for (const target of transition.target ?? [node]) lines.push(`  ${node.key} --> ${target.key} : ${label}`);
      }
    }
  }
  for (const node of nodes) if (node.type === 'final') lines.push(`  ${node.key} --> [*]`);
  return `${lines.join('\n')}\n`;
}
