/**
 * SMS carry no markup, so what forges them is invisible and direction-changing characters
 * and line breaks (issue 12: U+202E put a fake account tail before the real one, against
 * §1.13). The text policy refuses them at input; rows written before it may still hold them,
 * so every stored value an SMS shows passes through here, and the sender checks the whole.
 */
import { displayText } from '@domain/values/text.value-object';

/** A stored value shown in an SMS: visible characters only, at most `max` code points (a cut ends in "…"). */
export const smsValue = (text: string, max = 40): string => {
  const chars = [...displayText(text)];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : chars.join('');
};
