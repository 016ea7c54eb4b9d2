import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';
import { FlowParties } from './flow-parties';
import { UserFlows } from './user-flow';

/** Who workflows are about, how a user's flow starts, and the audit trail's writer, for every feature module. */
@Global()
@Module({ providers: [FlowParties, UserFlows, AuditLog], exports: [FlowParties, UserFlows, AuditLog] })
export class FlowPartiesModule {}
