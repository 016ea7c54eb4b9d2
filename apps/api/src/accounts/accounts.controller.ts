import { Controller, Get, Inject, NotAcceptableException, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SharedEnv } from '../../../../libs/infra/src/config/env.schema';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { AccountsService } from './accounts.service';
import { StatementQueryDto } from './dto/statement-query.dto';
import { IbanParam } from './iban-param';
import { statementCsv } from './statement-csv';
import { statementJson } from './statement-json';
import { statementPdf } from './statement-pdf';
import { StatementService } from './statement.service';

const FORMATS = ['application/json', 'text/csv', 'application/pdf'] as const;

@ApiTags('cabinet: accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly statements: StatementService,
    private readonly prisma: PrismaService,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  /** The partner's accounts with their balances (decimal strings, KZT). */
  @Get()
  @Cabinet('ACCOUNT_VIEW')
  list(@CurrentActor() actor: CabinetActor) {
    return this.accounts.list(actor);
  }

  /**
   * Statement of one account for a period (§2.6): opening and closing balance and every
   * operation. JSON by default; CSV or PDF by the `Accept` header.
   */
  @Get(':iban/statement')
  @Cabinet('STATEMENT_VIEW')
  @ApiProduces(...FORMATS)
  async statement(
    @CurrentActor() actor: CabinetActor,
    @IbanParam() iban: string,
    @Query() period: StatementQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const format = req.accepts([...FORMATS]);
    if (!format) throw new NotAcceptableException(`a statement is available as ${FORMATS.join(', ')}`);
    const statement = await this.statements.build(actor, iban, period);
    const name = `statement-${statement.iban}-${statement.from.toISOString().slice(0, 10)}-${statement.to.toISOString().slice(0, 10)}`;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept');
    if (format === 'text/csv') {
      res.attachment(`${name}.csv`).type('text/csv; charset=utf-8').send(statementCsv(statement));
    } else if (format === 'application/pdf') {
      const user = await this.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { language: true } });
      const fonts = { regular: this.env.PDF_FONT_PATH, bold: this.env.PDF_BOLD_FONT_PATH };
      res.attachment(`${name}.pdf`).type('application/pdf').send(await statementPdf(statement, user.language, fonts));
    } else {
      res.type('application/json').send(JSON.stringify(statementJson(statement)));
    }
  }
}
