import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ApprovalPolicyController } from './approval-policy.controller';
import { ApprovalPolicyService } from './approval-policy.service';
import { CreatePaymentService } from './create-payment.service';
import { EditPaymentService } from './edit-payment.service';
import { OperatorPaymentsController } from './operator-payments.controller';
import { OperatorPaymentsService } from './operator-payments.service';
import { PaymentAudit } from './payment-audit';
import { PaymentConfirmationsController } from './payment-confirmations.controller';
import { PaymentConfirmationsService } from './payment-confirmations.service';
import { PaymentLifecycleService } from './payment-lifecycle.service';
import { PaymentQueriesService } from './payment-queries.service';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { PaymentsController } from './payments.controller';
import { PaymentStore } from './payment.store';

/** Payment documents, their approval and the compliance hold (§1.2, §1.13, §2.4); the approval policy. */
@Module({})
export class PaymentsModule {
  static forRoot(): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [PaymentsController, PaymentConfirmationsController, ApprovalPolicyController, OperatorPaymentsController],
      providers: [
        CreatePaymentService,
        EditPaymentService,
        PaymentLifecycleService,
        PaymentConfirmationsService,
        PaymentQueriesService,
        ApprovalPolicyService,
        OperatorPaymentsService,
        PaymentWorkflowGateway,
        PaymentStore,
        PaymentAudit,
        OperatorAuthGuard,
      ],
    };
  }
}
