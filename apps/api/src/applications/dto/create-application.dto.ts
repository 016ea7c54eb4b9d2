import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS } from '@domain/access-level';
import { binIinSchema, createMoneySchema, emailSchema, ibanSchema, organisationNameSchema, personNameSchema, phoneSchema } from '@domain/values';

export const createApplicationSchema = z
  .object({
    // Names go into e-mails and the bank's records: the one text policy (issue 12).
    partner: z.object({ bin: binIinSchema, name: organisationNameSchema }).strict(),
    accounts: z
      .array(z.object({ iban: ibanSchema, openingBalance: createMoneySchema().optional() }).strict())
      .min(1, 'at least one account')
      .max(50),
    users: z
      .array(
        z
          .object({
            fullName: personNameSchema,
            email: emailSchema,
            phone: phoneSchema,
            accessLevel: z.enum(ACCESS_LEVELS),
            language: z.enum(['kk', 'ru']).default('kk'),
          })
          .strict(),
      )
      .min(1, 'at least one user')
      .max(100),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.users.forEach((user, i) => {
      const first = seen.get(user.email);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['users', i, 'email'], message: `same e-mail as users.${first}` });
      else seen.set(user.email, i);
    });
    const ibans = new Set<string>();
    value.accounts.forEach((account, i) => {
      if (ibans.has(account.iban)) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'iban'], message: 'listed twice' });
      ibans.add(account.iban);
    });
  });

export class CreateApplicationDto extends createZodDto(createApplicationSchema) {}
