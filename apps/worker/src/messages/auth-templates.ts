import { almatyTime } from './local-time';
import { link, mailBody } from './mail-body';
import type { Language } from './templates';

/**
 * Texts of the sign-in, lock and recovery messages, in the user's language
 * (Kazakh by default, Russian on request). SMS stay short and never carry the login;
 * e-mails escape every inserted value in their HTML part (`mailBody`).
 */
const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
/** The bank's local time (Asia/Almaty), as every message shows times. */
const when = almatyTime;

export const loginCodeSms = (lang: Language, p: { code: string; ttlMs: number }) =>
  lang === 'ru'
    ? `Код входа: ${p.code}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте, даже сотруднику банка.`
    : `Кіру коды: ${p.code}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге, тіпті банк қызметкеріне де айтпаңыз.`;

export const loginLockedSms = (lang: Language, p: { lockedUntil: string }) =>
  lang === 'ru'
    ? `Вход в бизнес-кабинет заблокирован до ${when(p.lockedUntil)} после неудачных попыток. Если это были не вы, позвоните в банк.`
    : `Сәтсіз әрекеттерден кейін бизнес-кабинетке кіру ${when(p.lockedUntil)} дейін бұғатталды. Бұл сіз болмасаңыз, банкке хабарласыңыз.`;

export const loginLockedMail = (lang: Language, p: { fullName: string; organisation: string; lockedUntil: string }) =>
  lang === 'ru'
    ? {
        subject: 'Вход в бизнес-кабинет временно заблокирован',
        ...mailBody`Здравствуйте, ${p.fullName}!

Бизнес-кабинет организации ${p.organisation}.
После нескольких неудачных попыток входа вход под вашим логином заблокирован до ${when(p.lockedUntil)}.
Если это были вы, подождите или восстановите пароль. Если нет — позвоните в банк: кто-то пытается подобрать ваш пароль.`,
      }
    : {
        subject: 'Бизнес-кабинетке кіру уақытша бұғатталды',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

${p.organisation} ұйымының бизнес-кабинеті.
Бірнеше сәтсіз әрекеттен кейін сіздің логиніңізбен кіру ${when(p.lockedUntil)} дейін бұғатталды.
Бұл сіз болсаңыз, күтіңіз немесе құпия сөзді қалпына келтіріңіз. Олай болмаса, банкке хабарласыңыз: біреу құпия сөзіңізді табуға тырысуда.`,
      };

export const recoveryLinkMail = (lang: Language, p: { fullName: string; organisation: string; link: string; expiresAt: string }) =>
  lang === 'ru'
    ? {
        subject: 'Восстановление пароля бизнес-кабинета',
        ...mailBody`Здравствуйте, ${p.fullName}!

Бизнес-кабинет организации ${p.organisation}.
Чтобы задать новый пароль, откройте ссылку:
${link(p.link)}

Ссылка действует до ${when(p.expiresAt)} и только один раз; понадобится код из SMS.
Если вы не запрашивали восстановление, просто удалите письмо: ваш пароль не изменится.`,
      }
    : {
        subject: 'Бизнес-кабинет құпия сөзін қалпына келтіру',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

${p.organisation} ұйымының бизнес-кабинеті.
Жаңа құпия сөз орнату үшін сілтемені ашыңыз:
${link(p.link)}

Сілтеме ${when(p.expiresAt)} дейін және тек бір рет жарамды; SMS арқылы келген код қажет болады.
Қалпына келтіруді сұрамаған болсаңыз, хатты жойыңыз: құпия сөзіңіз өзгермейді.`,
      };

export const recoveryCodeSms = (lang: Language, p: { code: string; ttlMs: number }) =>
  lang === 'ru'
    ? `Код восстановления пароля: ${p.code}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `Құпия сөзді қалпына келтіру коды: ${p.code}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;
