import { Module, type DynamicModule } from '@nestjs/common';
import { LoginProtectionModule } from '../login-protection/login-protection.module';
import { AccountController } from './account.controller';
import { CodeLoginService } from './code-login.service';
import { CodeVerifyService } from './code-verify.service';
import { LoginController } from './login.controller';
import { MeService } from './me.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordLoginService } from './password-login.service';
import { SignInOutcome } from './sign-in-outcome.service';

/** Sign-in by password or SMS code, sign-out, `GET /v1/me` and password change (§1.11, §1.12, §1.16). */
@Module({})
export class AuthenticationModule {
  static forRoot(): DynamicModule {
    return {
      module: AuthenticationModule,
      imports: [LoginProtectionModule],
      controllers: [LoginController, AccountController],
      providers: [SignInOutcome, PasswordLoginService, CodeLoginService, CodeVerifyService, MeService, PasswordChangeService],
    };
  }
}
