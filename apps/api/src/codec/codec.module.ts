import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { CodecAuthGuard } from './codec-auth.guard';
import { CodecController } from './codec.controller';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { OperatorCodecSession } from './operator-codec-session';

/** The remote payload codec for the Temporal UI and CLI (EncryptionCodec comes from the global TemporalModule). */
@Module({})
export class CodecModule implements NestModule {
  static forRoot(): DynamicModule {
    return {
      module: CodecModule,
      controllers: [CodecController],
      providers: [OperatorAuthGuard, OperatorCodecSession, CodecAuthGuard],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'codec/{*path}', method: RequestMethod.ALL });
  }
}
