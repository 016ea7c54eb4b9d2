import { Global, Module } from '@nestjs/common';
import { CabinetAuthGuard } from './cabinet-auth.guard';
import { SessionService } from './session.service';

/** Sessions and the cabinet guard, available to every feature module. */
@Global()
@Module({ providers: [SessionService, CabinetAuthGuard], exports: [SessionService, CabinetAuthGuard] })
export class AuthCoreModule {}
