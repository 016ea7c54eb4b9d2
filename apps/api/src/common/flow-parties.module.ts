import { Global, Module } from '@nestjs/common';
import { FlowParties } from './flow-parties';
import { UserFlows } from './user-flow';

/** Who workflows are about and how a user's flow starts, for every feature module that starts one. */
@Global()
@Module({ providers: [FlowParties, UserFlows], exports: [FlowParties, UserFlows] })
export class FlowPartiesModule {}
