/**
 * Texts of the sub-user flow (§1.8), in the recipient's language (Kazakh by
 * default, Russian on request). SMS stay short and never carry a login or a name.
 */
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
        text:
          `Здравствуйте, ${p.fullName}!\n\n` +
          'Вас добавили пользователем бизнес-кабинета вашей организации, банк одобрил запрос. ' +
          `Чтобы зарегистрироваться, откройте ссылку:\n${p.link}\n\n` +
          `Ссылка действует до ${when(p.expiresAt)} и только один раз. Вам понадобится код из SMS на ваш мобильный телефон.\n` +
          'Если вы не ожидали это письмо, просто удалите его.',
      }
    : {
        subject: 'Бизнес-кабинетке шақыру',
        text:
          `Сәлеметсіз бе, ${p.fullName}!\n\n` +
          'Сізді ұйымыңыздың бизнес-кабинетіне пайдаланушы ретінде қосты, банк сұранысты мақұлдады. ' +
          `Тіркелу үшін сілтемені ашыңыз:\n${p.link}\n\n` +
          `Сілтеме ${when(p.expiresAt)} дейін және тек бір рет жарамды. Ұялы телефоныңызға SMS арқылы келген код қажет болады.\n` +
          'Егер бұл хатты күтпеген болсаңыз, оны жойыңыз.',
      };
