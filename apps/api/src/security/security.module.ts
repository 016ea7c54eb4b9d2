import { Module, type DynamicModule } from '@nestjs/common';
import { SecurityController } from './security.controller';

@Module({})
export class SecurityModule {
  static forRoot(): DynamicModule {
    return { module: SecurityModule, controllers: [SecurityController] };
  }
}
