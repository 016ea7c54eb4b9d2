/**
 * Texts of the sub-user flow (§1.8), in the recipient's language (Kazakh by
 * default, Russian on request). SMS stay short and never carry a login or a name.
 * The full name was typed by another partner's user: `mailBody` escapes it in HTML.
 */
import { link, mailBody } from './mail-body';
import type { Language } from './templates';

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** §1.8.2: to the creator's phone; says what the code confirms, so a code for something else stands out. */
export const subUserCodeSms = (lang: Language, p: { code: string; ttlMs: number }) =>
  lang === 'ru'
    ? `Код для добавления нового пользователя: ${p.code}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `Жаңа пайдаланушыны қосу коды: ${p.code}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;

/** §1.8.3: the registration link for a user added in the cabinet (no application was signed for them). */
export const subUserLinkMail = (lang: Language, p: { fullName: string; link: string; expiresAt: string }) =>
  lang === 'ru'
    ? {
        subject: 'Приглашение в бизнес-кабинет',
        ...mailBody`Здравствуйте, ${p.fullName}!

Вас добавили пользователем бизнес-кабинета вашей организации, банк одобрил запрос. Чтобы зарегистрироваться, откройте ссылку:
${link(p.link)}

Ссылка действует до ${when(p.expiresAt)} и только один раз. Вам понадобится код из SMS на ваш мобильный телефон.
Если вы не ожидали это письмо, просто удалите его.`,
      }
    : {
        subject: 'Бизнес-кабинетке шақыру',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

Сізді ұйымыңыздың бизнес-кабинетіне пайдаланушы ретінде қосты, банк сұранысты мақұлдады. Тіркелу үшін сілтемені ашыңыз:
${link(p.link)}

Сілтеме ${when(p.expiresAt)} дейін және тек бір рет жарамды. Ұялы телефоныңызға SMS арқылы келген код қажет болады.
Егер бұл хатты күтпеген болсаңыз, оны жойыңыз.`,
      };
