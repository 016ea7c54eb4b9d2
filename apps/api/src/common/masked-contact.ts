import { maskEmail, maskPhone, type Email, type Phone } from '@domain/values';

/**
 * A user's e-mail and phone as every masked view shows them (cabinet and operator alike): the
 * domain's masks, `a***@example.kz` and `+7 701 *** ** 78`. Response examples are built with it
 * too, so the document shows what the API sends.
 */
export const maskedContact = (contact: { email: string; phone: string }) => ({
  emailMasked: maskEmail(contact.email as Email),
  phoneMasked: maskPhone(contact.phone as Phone),
});
