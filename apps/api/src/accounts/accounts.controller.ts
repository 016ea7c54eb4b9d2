import { Controller, Get, Inject, NotAcceptableException, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { AccountPageDto, StatementDto } from './dto/account-responses.dto';
import type { Request, Response } from 'express';
import type { SharedEnv } from '@infra/config/env.schema';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { AccountsService } from './accounts.service';
import { StatementQueryDto } from './dto/statement-query.dto';
import { IbanParam } from './iban-param';
import { STATEMENT_CSV_COLUMNS, statementCsv } from './statement-csv';
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
  @ApiOperation({ summary: "List the partner's accounts with balances" })
  @ZodResponse({ status: 200, type: AccountPageDto })
  @Get()
  @Cabinet('ACCOUNT_VIEW')
  list(@CurrentActor() actor: CabinetActor) {
    return this.accounts.list(actor);
  }

  /**
   * Statement of one account for a period (§2.6): opening and closing balance and every
   * operation. JSON by default; CSV or PDF by the `Accept` header.
   */
  @ApiOperation({ summary: 'Statement of an account for a period (JSON, CSV or PDF)' })
  @ApiProblems(406)
  @Get(':iban/statement')
  @Cabinet('STATEMENT_VIEW')
  @ApiExtraModels(StatementDto)
  @ApiResponse({
    status: 200,
    description: 'The statement in the format the `Accept` header asks for (JSON when it names none); CSV and PDF as attachments.',
    headers: { 'Content-Disposition': { description: 'CSV and PDF: `attachment; filename="statement-<iban>-<from>-<to>.csv|pdf"`', schema: { type: 'string' } } },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatementDto) } },
      'text/csv': {
        schema: { type: 'string', description: 'UTF-8, CRLF, a header row; OPENING_BALANCE, one OPERATION row per operation, CLOSING_BALANCE.' },
        example: `${STATEMENT_CSV_COLUMNS.join(',')}\r\n`,
      },
      'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } as Record<string, unknown> },
    },
  })
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
      res
        .attachment(`${name}.pdf`)
        .type('application/pdf')
        .send(await statementPdf(statement, user.language, fonts));
    } else {
      res.type('application/json').send(JSON.stringify(statementJson(statement)));
    }
  }
}
