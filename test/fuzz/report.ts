import type { Finding } from './send';

/** The part of a mutation label that names the kind of attack, without the field: `body.x.y: NUL` → `NUL`. */
const attack = (mutation: string) => mutation.replace(/^[^:]*: /, '');

/**
 * Findings grouped by what went wrong, where, and with what answer, so one cause reads as one
 * line; then every offending request, capped so the message stays readable (the rest is counted).
 */
export function report(findings: Finding[], maxLines = 1500): string {
  if (!findings.length) return '';
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.kinds.join(' + ')} | ${f.method} ${f.op.replace(/^\w+ /, '')} | ${f.status}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`${findings.length} offending requests in ${groups.size} groups (kind | operation | answer: count, attacks)`];
  for (const [key, fs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const attacks = [...new Set(fs.map((f) => attack(f.mutation)))];
    lines.push(`  ${key}: ${fs.length}× — ${attacks.slice(0, 8).join('; ')}${attacks.length > 8 ? `; …${attacks.length - 8} more` : ''}`);
  }
  lines.push('', 'every offending request (method url-excerpt | mutation | as | status | kinds | body excerpt):');
  for (const f of findings.slice(0, maxLines)) {
    const url = f.url.length > 100 ? `${f.url.slice(0, 100)}…(${f.url.length})` : f.url;
    lines.push(`  ${f.method} ${url} | ${f.mutation} | ${f.as} | ${f.status} | ${f.kinds.join(', ')} | ${f.excerpt.slice(0, 160)}`);
  }
  if (findings.length > maxLines) lines.push(`  … and ${findings.length - maxLines} more`);
  return lines.join('\n');
}
