import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.service';
import { PasswordRules } from './password-rules.service';
import { RateCounters } from './rate-counters.service';

/** Brute-force and send limits and the password rules, shared by sign-in, recovery and blocking. */
@Module({ providers: [RateCounters, LoginThrottle, PasswordRules], exports: [RateCounters, LoginThrottle, PasswordRules] })
export class LoginProtectionModule {}
