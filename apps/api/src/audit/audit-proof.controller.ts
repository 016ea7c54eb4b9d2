import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AuditProofService } from './audit-proof.service';
import {
  AuditCheckpointDto,
  AuditConsistencyProofDto,
  AuditConsistencyQueryDto,
  AuditInclusionProofDto,
  AuditProofQueryDto,
  AuditPublicKeyDto,
  AuditRecordParamsDto,
} from './dto/audit-proof.dto';

/**
 * The verifiable audit log (§1.15): signed checkpoints and RFC 9162 proofs, so an operator or an
 * auditor can check that a record is in the log and that the log only ever grew.
 */
@ApiTags('operator: audit')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/audit')
export class OperatorAuditProofController {
  constructor(private readonly proofs: AuditProofService) {}

  @Get('checkpoint')
  @ApiOperation({ summary: 'The latest signed checkpoint (C2SP tlog-checkpoint)' })
  @ZodResponse({ status: 200, type: AuditCheckpointDto })
  checkpoint() {
    return this.proofs.checkpoint();
  }

  @Get('records/:id/proof')
  @ApiOperation({ summary: "A record's inclusion proof in the tree of `treeSize` (default: the latest checkpoint's)" })
  @ZodResponse({ status: 200, type: AuditInclusionProofDto })
  proof(@Param() params: AuditRecordParamsDto, @Query() query: AuditProofQueryDto) {
    return this.proofs.inclusionProof(params.id, query.treeSize);
  }

  @Get('consistency')
  @ApiOperation({ summary: 'Proof that the tree of size `from` is a prefix of the tree of size `to`' })
  @ZodResponse({ status: 200, type: AuditConsistencyProofDto })
  consistency(@Query() query: AuditConsistencyQueryDto) {
    return this.proofs.consistencyProof(query);
  }

  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 key checkpoints are signed with' })
  @ZodResponse({ status: 200, type: AuditPublicKeyDto })
  publicKey() {
    return this.proofs.publicKeyInfo();
  }
}
