/**
 * Builds an e-mail's text and HTML parts from one template, so the two always say the same
 * and no inserted value can escape its place (issue 12): in the text part each value is one
 * line of visible characters (`displayText`: stored rows may predate the text policy), and in
 * the HTML part every value is escaped. Only the template's own words are trusted; a link
 * is trusted only when the template wraps it in `link()` (it comes from configuration).
 */
import { displayText } from '@domain/values/text.value-object';

export interface MailBody {
  readonly text: string;
  readonly html: string;
}

interface Link {
  readonly href: string;
}

/** A URL the service built (CABINET_URL + token): shown as a link in the HTML part. */
export const link = (href: string): Link => ({ href });

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Template words: paragraphs at blank lines, line breaks within them. */
const htmlWords = (words: string) => escapeHtml(words).replace(/\n\n/g, '</p><p>').replace(/\n/g, '<br>');

export function mailBody(words: TemplateStringsArray, ...values: (string | number | Link)[]): MailBody {
  let text = words[0]!;
  let html = htmlWords(words[0]!);
  values.forEach((value, i) => {
    if (typeof value === 'object') {
      const href = displayText(value.href);
      text += href;
      html += `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
    } else {
      const shown = displayText(String(value));
      text += shown;
      html += escapeHtml(shown);
    }
    text += words[i + 1]!;
    html += htmlWords(words[i + 1]!);
  });
  return { text, html: `<!doctype html><html><body><p>${html}</p></body></html>` };
}
