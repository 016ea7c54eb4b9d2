import { Module, type DynamicModule } from '@nestjs/common';
import { AccountController } from './account.controller';
import { CodeLoginUseCase } from './code-login/code-login.use-case';
import { CodeVerifyUseCase } from './code-verify/code-verify.use-case';
import { LoginController } from './login.controller';
import { LogoutUseCase } from './logout/logout.use-case';
import { MeUseCase } from './me/me.use-case';
import { PasswordChangeUseCase } from './password-change/password-change.use-case';
import { PasswordLoginUseCase } from './password-login/password-login.use-case';
import { LoginProtectionModule } from './protection/login-protection.module';
import { SecurityParametersController } from './security-parameters/security-parameters.controller';
import { SignInOutcome } from './sign-in/sign-in-outcome.service';

/**
 * Sign-in by password or SMS code, sign-out, `GET /v1/me`, password change and the
 * security parameters in force (§1.11, §1.12, §1.16). Sessions and the cabinet guard
 * are AuthCoreModule's (global); brute-force limits LoginProtectionModule's.
 */
@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      imports: [LoginProtectionModule],
      controllers: [LoginController, AccountController, SecurityParametersController],
      providers: [SignInOutcome, PasswordLoginUseCase, CodeLoginUseCase, CodeVerifyUseCase, LogoutUseCase, MeUseCase, PasswordChangeUseCase],
    };
  }
}
