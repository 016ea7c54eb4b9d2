import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOM_SEARCH_ATTRIBUTES } from './search-attributes';

describe('custom search attributes', () => {
  it('compose.yaml registers exactly the ones the workflows set, with their types', () => {
    const compose = readFileSync(join(__dirname, '..', '..', '..', 'compose.yaml'), 'utf8');
    const attrs = /ATTRS="([^"]+)"/.exec(compose)?.[1] ?? '';
    expect(Object.fromEntries(attrs.split(/\s+/).map((a) => a.split(':')))).toEqual(CUSTOM_SEARCH_ATTRIBUTES);
  });
});
