/**
 * Texts of the e-mails and SMS, in the user's language (Kazakh by default,
 * Russian on request). SMS stay short and never carry the login. E-mails are built
 * with `mailBody`, which escapes every inserted value in the HTML part.
 */
import { almatyTime } from './local-time';
import { link, mailBody } from './mail-body';

export type Language = 'kk' | 'ru';

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
/** The bank's local time (Asia/Almaty), as every message shows times. */
const when = almatyTime;

export const registrationLinkMail = (lang: Language, p: { fullName: string; organisation: string; link: string; expiresAt: string }) =>
  lang === 'ru'
    ? {
        subject: 'Регистрация в бизнес-кабинете',
        ...mailBody`Здравствуйте, ${p.fullName}!

Банк подписал заявление вашей организации, ${p.organisation}. Чтобы зарегистрироваться в бизнес-кабинете, откройте ссылку:
${link(p.link)}

Ссылка действует до ${when(p.expiresAt)} и только один раз. Вам понадобится код из SMS на телефон, указанный в заявлении.
Если вы не ожидали это письмо, просто удалите его.`,
      }
    : {
        subject: 'Бизнес-кабинетке тіркелу',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

Банк ұйымыңыздың, ${p.organisation}, өтінішіне қол қойды. Бизнес-кабинетке тіркелу үшін сілтемені ашыңыз:
${link(p.link)}

Сілтеме ${when(p.expiresAt)} дейін және тек бір рет жарамды. Өтініште көрсетілген телефонға SMS арқылы келген код қажет болады.
Егер бұл хатты күтпеген болсаңыз, оны жойыңыз.`,
      };

export const registrationCodeSms = (lang: Language, p: { code: string; ttlMs: number }) =>
  lang === 'ru'
    ? `Код регистрации: ${p.code}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `Тіркеу коды: ${p.code}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;
