/** Injection tokens shared by api and worker. */
export const ENV = Symbol('ENV');
export const MAILER = Symbol('MAILER');
export const SMS_SENDER = Symbol('SMS_SENDER');
