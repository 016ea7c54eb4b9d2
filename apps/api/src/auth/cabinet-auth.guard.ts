import { CanActivate, Injectable, SetMetadata, UnauthorizedException, UseGuards, applyDecorators, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { authorize, type Permission } from '@domain/permissions';
import { DomainProblem } from '../common/problem';
import { ApiProblems } from '../openapi/api-problems';
import type { CabinetActor, CabinetRequest } from './cabinet-actor';
import { SessionService } from './session.service';

const PERMISSION = 'cabinet:permission';

/**
 * Cabinet routes need a live session of an ACTIVE user (§1.1); a route may also
 * name the permission it needs, which the domain's table decides (§1.2). A
 * blocked user's sessions are revoked, so the next call is a 401 (§1.14).
 */
@Injectable()
export class CabinetAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<CabinetRequest & { headers: Record<string, string | undefined> }>();
    const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('a valid session is required');
    const session = await this.sessions.touch(match[1]!);
    if (!session) throw new UnauthorizedException('a valid session is required');
    const { user } = session;
    if (user.status !== 'ACTIVE') throw new UnauthorizedException('a valid session is required');
    const actor: CabinetActor = {
      userId: user.id,
      partnerId: user.partnerId,
      accessLevel: user.accessLevel,
      status: user.status,
      login: user.login,
      sessionId: session.sessionId,
      authMethod: session.method,
    };
    req.actor = actor;
    const permission = this.reflector.get<Permission | undefined>(PERMISSION, context.getHandler());
    if (permission) {
      const refusal = authorize(actor, permission);
      if (refusal) throw new DomainProblem(refusal);
    }
    return true;
  }
}

/** Marks a cabinet route: session required, and optionally a permission from the domain table. */
export const Cabinet = (permission?: Permission) =>
  applyDecorators(
    ...(permission ? [SetMetadata(PERMISSION, permission)] : []),
    UseGuards(CabinetAuthGuard),
    ApiBearerAuth('session'),
    // A named permission can be refused (403); the 401 follows from the security requirement.
    ...(permission ? [ApiProblems(403)] : []),
  );
