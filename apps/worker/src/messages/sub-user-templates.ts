/**
 * Texts of the sub-user flow (§1.8), in the recipient's language (Kazakh by
 * default, Russian on request). SMS stay short and never carry a login; the code SMS names
 * the user it adds (shortened, visible characters only: `smsValue`), so the creator sees what
 * the code confirms. Names were typed by a partner's user: `mailBody` escapes them in HTML.
 */
import { almatyTime } from './local-time';
import { link, mailBody } from './mail-body';
import { smsValue } from './sms-text';
import type { Language } from './templates';

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
/** The bank's local time (Asia/Almaty), as every message shows times. */
const when = almatyTime;

/** §1.8.2: to the creator's phone; says what the code confirms, so a code for something else stands out. */
export const subUserCodeSms = (lang: Language, p: { code: string; ttlMs: number; newUserName: string }) =>
  lang === 'ru'
    ? `Код для добавления пользователя ${smsValue(p.newUserName, 30)}: ${p.code}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `${smsValue(p.newUserName, 30)} пайдаланушысын қосу коды: ${p.code}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;

/** §1.8.3: the registration link for a user added in the cabinet (no application was signed for them). */
export const subUserLinkMail = (lang: Language, p: { fullName: string; organisation: string; link: string; expiresAt: string }) =>
  lang === 'ru'
    ? {
        subject: 'Приглашение в бизнес-кабинет',
        ...mailBody`Здравствуйте, ${p.fullName}!

Вас добавили пользователем бизнес-кабинета организации ${p.organisation}, банк одобрил запрос. Чтобы зарегистрироваться, откройте ссылку:
${link(p.link)}

Ссылка действует до ${when(p.expiresAt)} и только один раз. Вам понадобится код из SMS на ваш мобильный телефон.
Если вы не ожидали это письмо, просто удалите его.`,
      }
    : {
        subject: 'Бизнес-кабинетке шақыру',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

Сізді ${p.organisation} ұйымының бизнес-кабинетіне пайдаланушы ретінде қосты, банк сұранысты мақұлдады. Тіркелу үшін сілтемені ашыңыз:
${link(p.link)}

Сілтеме ${when(p.expiresAt)} дейін және тек бір рет жарамды. Ұялы телефоныңызға SMS арқылы келген код қажет болады.
Егер бұл хатты күтпеген болсаңыз, оны жойыңыз.`,
      };

/**
 * §1.8.3: to the creator, when the bank rejected their request. An operator's reason is shown as
 * written (README: it is shown to the partner); a refusal by the bank's checks reads the same
 * neutral words as in the cabinet (issue 12), so the mail tells nothing the cabinet does not.
 */
export const subUserRejectedMail = (lang: Language, p: { fullName: string; organisation: string; newUserName: string; operatorReason: string | null }) =>
  lang === 'ru'
    ? {
        subject: 'Банк отклонил запрос на добавление пользователя',
        ...mailBody`Здравствуйте, ${p.fullName}!

Банк отклонил ваш запрос на добавление пользователя ${p.newUserName} в бизнес-кабинет организации ${p.organisation}.
Причина: ${p.operatorReason ?? 'банк не одобрил добавление этого пользователя; подробности сообщит ваш менеджер в банке.'}

Пользователь не создан. При необходимости создайте новый запрос в бизнес-кабинете.`,
      }
    : {
        subject: 'Банк пайдаланушыны қосу сұранысын қабылдамады',
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

Банк ${p.organisation} ұйымының бизнес-кабинетіне ${p.newUserName} пайдаланушысын қосу туралы сұранысыңызды қабылдамады.
Себебі: ${p.operatorReason ?? 'банк бұл пайдаланушыны қосуды мақұлдамады; толығырақ банктегі менеджеріңіз айтады.'}

Пайдаланушы құрылмады. Қажет болса, бизнес-кабинетте жаңа сұраныс жасаңыз.`,
      };
