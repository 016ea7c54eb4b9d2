import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@domain/access-level';

/** The authenticated cabinet user of a request. */
export interface CabinetActor extends Actor {
  sessionId: string;
  login: string;
  authMethod: 'PASSWORD' | 'CODE';
}

export type CabinetRequest = { actor?: CabinetActor; ip?: string; id?: string };

/** Injects the CabinetActor set by CabinetAuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): CabinetActor => {
  const actor = ctx.switchToHttp().getRequest<CabinetRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without @Cabinet()');
  return actor;
});
