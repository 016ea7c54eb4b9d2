import fc from 'fast-check';
import { displayText, isCleanText, parseText, textSchema, type TextRules } from './text.value-object';

const rules: TextRules = { label: 'Beneficiary name', max: 200 };
const errorsOf = (input: unknown, r: TextRules = rules) => {
  const parsed = parseText(input, r);
  return parsed.ok ? [] : parsed.errors;
};
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What a person types: Kazakh and Russian letters, Latin, digits, spaces and the punctuation of names and purposes. */
const CLEAN = [...'abcXYZ0123456789 абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЯ әғқңөұүһіӘҒҚҢӨҰҮҺІ.,-—«»"\'()/№:;!?&+%'];
const cleanText = fc.string({ unit: fc.constantFrom(...CLEAN), maxLength: 40 });

const FORBIDDEN = {
  'C0 control': range(0x00, 0x1f),
  'DEL and C1 control': range(0x7f, 0x9f),
  'bidi control': [...range(0x202a, 0x202e), ...range(0x2066, 0x2069), 0x200e, 0x200f, 0x061c],
  'zero-width character': [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
  'soft hyphen': [0x00ad],
  'line or paragraph separator': [0x2028, 0x2029],
  'lone surrogate': [0xd800, 0xdbff, 0xdc00, 0xdfff],
};

describe('text policy (§1.13: what is shown is what is stored)', () => {
  describe.each(Object.entries(FORBIDDEN))('refuses any %s, wherever it stands', (_kind, codePoints) => {
    it('and names the field and the code point', () => {
      fc.assert(
        fc.property(cleanText, fc.constantFrom(...codePoints), cleanText, (before, cp, after) => {
          const errors = errorsOf(`X${before}${String.fromCharCode(cp)}${after}`);
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.some((e) => e.startsWith('Beneficiary name ') && e.includes(hex(cp)))).toBe(true);
        }),
      );
    });
  });

  it('refuses the forged SMS name of issue 12 (RLO … PDF around a fake account tail)', () => {
    expect(errorsOf('ТОО Ромашка \u202E0010…\u202C')).toEqual(['Beneficiary name must not contain invisible or direction-changing characters (found U+202E).']);
    expect(errorsOf('a\u0000b')).toEqual(['Beneficiary name must be one line of printable characters (found control character U+0000).']);
  });

  it('refuses more than three combining marks on one character, accepts up to three', () => {
    // U+0363–U+036F never compose with a base letter, so NFC keeps them all.
    const marks = fc.array(fc.constantFrom(...range(0x363, 0x36f).map((cp) => String.fromCharCode(cp))), { minLength: 4, maxLength: 12 });
    fc.assert(
      fc.property(cleanText, marks, (text, stack) => {
        expect(errorsOf(`x${stack.join('')}${text}`)).toContain('Beneficiary name must not stack more than three accents on one character.');
        expect(errorsOf(`x${stack.slice(0, 3).join('')}${text}`)).toEqual([]);
      }),
    );
  });

  it('accepts Kazakh, Russian and Latin text with punctuation, NFC-normalised, one space between words', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        const parsed = parseText(`Q ${text}`, rules);
        expect(parsed).toEqual({ ok: true, value: `Q ${text}`.normalize('NFC').replace(/ +/g, ' ').trim() });
      }),
    );
    for (const name of ['Әсел Ғалымжанқызы', 'ҚҰНАНБАЙҰЛЫ Абай', 'Ңөүһі Ёлкин', 'ТОО «Жұлдыз-Ltd», №2', "O'Brien & Sons (Pty) Ltd."]) {
      expect(parseText(name, rules)).toEqual({ ok: true, value: name });
    }
  });

  it('normalises to NFC: "e\\u0301" is stored as "é", and "Ё" from "Е\\u0308"', () => {
    expect(parseText('Caf\u0065\u0301', rules)).toEqual({ ok: true, value: 'Caf\u00e9' });
    expect(parseText('\u0415\u0308лкин', rules)).toEqual({ ok: true, value: 'Ёлкин' });
    expect(parseText('  Айгерім \u00a0\u2003 Сәрсенқызы ', rules)).toEqual({ ok: true, value: 'Айгерім Сәрсенқызы' });
  });

  it('counts lengths in code points, not UTF-16 units', () => {
    const r = { label: 'Name', min: 2, max: 3 };
    expect(parseText('𝐀𝐁𝐂', r)).toEqual({ ok: true, value: '𝐀𝐁𝐂' });
    expect(errorsOf('𝐀𝐁𝐂𝐃', r)).toEqual(['Name must be at most 3 characters.']);
    expect(errorsOf('𝐀', r)).toEqual(['Name must be at least 2 characters.']);
  });

  it('needs some text, and a letter or a digit in it', () => {
    expect(errorsOf('   ')).toEqual(['Beneficiary name is required.']);
    expect(errorsOf('-- .')).toEqual(['Beneficiary name must contain a letter or a digit.']);
    expect(errorsOf(42)).toEqual(['Beneficiary name must be a string.']);
  });

  it('reports every broken rule at once', () => {
    expect(errorsOf('\u0000\u202E'.padEnd(210, '.'))).toEqual([
      'Beneficiary name must be one line of printable characters (found control character U+0000).',
      'Beneficiary name must not contain invisible or direction-changing characters (found U+202E).',
      'Beneficiary name must be at most 200 characters.',
      'Beneficiary name must contain a letter or a digit.',
    ]);
  });

  it('isCleanText holds exactly for what parseText keeps unchanged', () => {
    expect(isCleanText('Әсел', rules)).toBe(true);
    expect(isCleanText(' Әсел', rules)).toBe(false);
    expect(isCleanText('e\u0301', rules)).toBe(false);
    expect(isCleanText('a\u200bb', rules)).toBe(false);
  });

  it('the zod schema gives one issue per broken rule and the normalised text', () => {
    const schema = textSchema({ label: 'Reason', max: 10 });
    expect(schema.parse(' e\u0301 ')).toBe('é');
    const result = schema.safeParse('\u2066'.padEnd(12, 'x'));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'Reason must not contain invisible or direction-changing characters (found U+2066).',
      'Reason must be at most 10 characters.',
    ]);
    expect(schema.safeParse(null).error!.issues.map((i) => i.message)).toEqual(['Reason must be a string.']);
  });
});

describe('displayText (renderers: older rows may hold anything)', () => {
  const anything = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...CLEAN),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => String.fromCharCode(cp)),
    ),
    maxLength: 60,
  });

  it('leaves nothing the policy refuses, and changes nothing twice', () => {
    fc.assert(
      fc.property(anything, (text) => {
        const shown = displayText(text);
        const problems = errorsOf(shown, { label: 'T', max: 1_000 }).filter((e) => !/required|letter or a digit/.test(e));
        expect(problems).toEqual([]);
        expect(displayText(shown)).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });

  it('turns line breaks into spaces and drops invisible and direction-changing characters', () => {
    expect(displayText('Ivan\r\nPetrov')).toBe('Ivan Petrov');
    expect(displayText('ТОО Ромашка \u202E0010…\u202C')).toBe('ТОО Ромашка 0010…');
    expect(displayText('a\u200bb\u00adc\ufeff')).toBe('abc');
    expect(displayText('Әсел Ғалымжанқызы')).toBe('Әсел Ғалымжанқызы');
  });
});
