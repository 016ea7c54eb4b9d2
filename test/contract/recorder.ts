import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** One exchange with the API, as a client saw it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  headers: Headers;
  body: string;
}

type Media = { schema?: unknown };
type Response = { content?: Record<string, Media>; headers?: Record<string, unknown> };
export type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, Response> }>> };

/**
 * Records every answer of the API under test by wrapping `fetch`, which the test helpers
 * (test/support) use for all their calls; answers of other hosts (MailDev) are not kept.
 */
export function recordFetch(baseUrl: string): { exchanges: Exchange[]; stop(): void } {
  const original = globalThis.fetch;
  const exchanges: Exchange[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await original(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    if (url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/docs')) {
      const copy = response.clone();
      const body = Buffer.from(await copy.arrayBuffer()).toString('utf8');
      exchanges.push({
        method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
        path: url.pathname,
        status: response.status,
        contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(),
        headers: response.headers,
        body,
      });
    }
    return response;
  };
  return { exchanges, stop: () => void (globalThis.fetch = original) };
}

/** Checks exchanges against the document: the operation, its status, its media type, its schema. */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly templates: { template: string; pattern: RegExp; literals: number }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApi) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, 'openapi.json');
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      // A literal segment beats a parameter: /v1/operator/audit/checkpoint before any /{id}.
      .sort((a, b) => b.literals - a.literals);
  }

  /** `METHOD /template status`, the key a recorded answer is documented under (undefined: undocumented). */
  operationOf(e: Exchange): string | undefined {
    const found = this.templates.find((t) => t.pattern.test(e.path) && this.doc.paths[t.template]![e.method.toLowerCase()]);
    return found && `${e.method} ${found.template}`;
  }

  /** What is wrong with one answer, in words; empty when the document describes it exactly. */
  violations(e: Exchange): string[] {
    const key = this.operationOf(e);
    const where = `${e.method} ${e.path} → ${e.status}`;
    if (!key) return [`${where}: no documented operation`];
    const template = key.slice(key.indexOf(' ') + 1);
    const response = this.doc.paths[template]![e.method.toLowerCase()]!.responses[String(e.status)];
    if (!response) return [`${where}: status ${e.status} not documented for ${key}`];
    const problems: string[] = [];
    if (response.headers?.['X-Request-Id'] && !e.headers.get('x-request-id')) problems.push(`${where}: no X-Request-Id`);
    if (e.status === 429 && !e.headers.get('retry-after')) problems.push(`${where}: no Retry-After`);
    if (!response.content) {
      if (e.body.length > 0) problems.push(`${where}: a body where the document declares none`);
      return problems;
    }
    const media = response.content[e.contentType];
    if (!media) return [...problems, `${where}: ${e.contentType || 'no content type'} not among ${Object.keys(response.content).join(', ')}`];
    if (!e.contentType.endsWith('json')) return problems;
    const pointer = ['paths', template, e.method.toLowerCase(), 'responses', String(e.status), 'content', e.contentType, 'schema']
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const ref = `openapi.json#/${pointer}`;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    if (!validate(JSON.parse(e.body))) {
      const errors = (validate.errors ?? []).slice(0, 5).map((err) => `${err.instancePath || '(body)'} ${err.message}`);
      problems.push(`${where}: body does not match the schema: ${errors.join('; ')}`);
    }
    return problems;
  }
}
