import { effective, type Operation, type Schema } from './openapi';
import { encodeComponent, HEADER_MUTATIONS, PATH_MUTATIONS, queryPairs } from './params';
import { transportVariants } from './transport';
import { baseline, mutationsFor, toJson, type Mutation } from './values';

/** One request of the fuzz: what it sends and how the report names it. */
export interface FuzzRequest {
  op: string;
  mutation: string;
  as: string;
  method: string;
  /** Path and query, already percent-encoded (some deliberately badly). */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What the fuzz knows about the world it attacks: real ids, good bodies, who may call. */
export interface FuzzTargets {
  /** The (unencoded) value of a path parameter: a real id of a fixture, or a random one. */
  pathValue(op: Operation, name: string): string;
  /** A body known to pass validation (and other checks) for this operation, if there is one. */
  goodBody(op: Operation): unknown;
  /** The authorised identity for a guarded operation (asked once per variant, so sessions may rotate). */
  authorised(op: Operation): { as: string; headers: Record<string, string> } | null;
  commonHeaders: Record<string, string>;
}

/** A request before identities are applied: the variant of the baseline it sends. */
export interface Variant {
  mutation: string;
  path: Record<string, string>;
  query: string[];
  headers: Record<string, string>;
  body?: Buffer;
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function setIn(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Every field of a JSON body, recursively: the path to it and its mutations. */
function* bodyFields(
  schema: Schema,
  base: unknown,
  path: (string | number)[],
  rand: () => number,
  huge = { left: 1 },
): Generator<{ path: (string | number)[]; mutations: Mutation[] }> {
  const s = effective(schema);
  if (s.properties) {
    for (const [key, sub] of Object.entries(s.properties)) {
      const value = (base as Record<string, unknown> | null)?.[key] ?? baseline(sub, key, rand);
      // A 1 MB string is refused by the body limit whichever field carries it: once per operation is enough.
      const withHuge = effective(sub).type === 'string' && huge.left > 0 && huge.left-- > 0;
      yield { path: [...path, key], mutations: mutationsFor(sub, key, value, (s.required ?? []).includes(key), { huge: withHuge }) };
      yield* bodyFields(sub, value, [...path, key], rand, huge);
    }
  } else if (s.type === 'array' && s.items && Array.isArray(base) && base.length) {
    yield { path: [...path, 0], mutations: mutationsFor(s.items, String(path[path.length - 1] ?? 'item'), base[0], false, { huge: false }) };
    yield* bodyFields(s.items, base[0], [...path, 0], rand, huge);
  } else if (typeof s.additionalProperties === 'object') {
    yield* bodyFields({ type: 'object', properties: { fuzzKey: s.additionalProperties } }, base, path, rand, huge);
  }
}

const json = (value: unknown) => Buffer.from(toJson(value));

/** Every variant of one operation: mutations of each query, header and body field, then of the path, transport abuse, the baseline last. */
export function variantsOf(op: Operation, targets: FuzzTargets, rand: () => number): Variant[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const path = Object.fromEntries(pathParams.map((p) => [p.name, encodeComponent(targets.pathValue(op, p.name))]));
  const queryBase = Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, baseline(p.schema ?? {}, p.name, rand)]));
  const query = (over: Record<string, unknown> = {}) => {
    const all = { ...queryBase, ...over };
    const parts = Object.entries(all).map(([k, v]) => queryPairs(k, v));
    return parts.some((p) => p === null) ? null : (parts.flat() as string[]);
  };
  const body = op.body ? (targets.goodBody(op) ?? baseline(op.body, 'body', rand)) : undefined;
  const base: Variant = { mutation: 'baseline', path, query: query()!, headers: {}, body: body === undefined ? undefined : json(body) };
  const out: Variant[] = [];
  const add = (mutation: string, change: Partial<Variant>) => out.push({ ...base, ...change, mutation });

  for (const p of queryParams) {
    const value = baseline(p.schema ?? {}, p.name, rand);
    if (!p.required) add(`query.${p.name}: baseline value`, { query: query({ [p.name]: value })! });
    for (const mut of mutationsFor(p.schema ?? {}, p.name, value, !!p.required, { huge: false })) {
      const q = query({ [p.name]: mut.value });
      if (q) add(`query.${p.name}: ${mut.label}`, { query: q });
    }
    add(`query.${p.name}: repeated`, { query: query({ [p.name]: [value, value] })! });
  }
  for (const p of headerParams) for (const [label, value] of HEADER_MUTATIONS(rand)) add(`header.${p.name}: ${label}`, { headers: { [p.name]: value } });
  if (op.body) {
    const whole: [string, unknown][] = [
      ['null', null],
      ['array', []],
      ['string', 'fuzz'],
      ['number', 0],
      ['empty object', {}],
    ];
    for (const [label, value] of whole) add(`body: ${label}`, { body: json(value) });
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      add('body: unknown extra key', { body: json({ ...body, fuzzExtra: 'x' }) });
      const inner = toJson(body).slice(1);
      add('body: __proto__ key', { body: Buffer.from(`{"__proto__":{"isAdmin":true}${inner === '}' ? '' : ','}${inner}`) });
      add('body: constructor.prototype key', { body: Buffer.from(`{"constructor":{"prototype":{"isAdmin":true}}${inner === '}' ? '' : ','}${inner}`) });
    }
    for (const field of bodyFields(op.body, body, [], rand)) {
      for (const mut of field.mutations) add(`body.${field.path.join('.')}: ${mut.label}`, { body: json(setIn(body, field.path, mut.value)) });
    }
  }
  // After the field mutations: a path variant that still names the target (an upper-cased uuid) carries out the
  // command, and a hostile field must reach the workflow while it is still in its live state.
  for (const p of pathParams)
    for (const [label, value] of PATH_MUTATIONS(targets.pathValue(op, p.name), rand)) add(`path.${p.name}: ${label}`, { path: { ...path, [p.name]: value } });
  for (const t of transportVariants(op, base.body ?? json({}))) add(t.mutation, { headers: t.headers, body: t.body });
  out.push(base);
  return out;
}

/** The variants as requests, each sent anonymously and, for guarded operations, as the authorised caller. */
export function requestsOf(op: Operation, targets: FuzzTargets, rand: () => number): FuzzRequest[] {
  return variantsOf(op, targets, rand).flatMap((v) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_all, name: string) => v.path[name]!);
    const url = v.query.length ? `${path}?${v.query.join('&')}` : path;
    const auth = targets.authorised(op);
    const who = [{ as: 'anonymous', headers: {} as Record<string, string> }, ...(auth ? [auth] : [])];
    return who.map((w) => ({
      op: op.key,
      mutation: v.mutation,
      as: w.as,
      method: op.method,
      url,
      headers: { ...targets.commonHeaders, ...(v.body ? { 'content-type': 'application/json' } : {}), ...w.headers, ...v.headers },
      body: v.body,
    }));
  });
}
