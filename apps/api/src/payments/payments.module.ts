import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ApprovalPolicyController } from './approval-policy.controller';
import { CancelPaymentUseCase } from './cancel/cancel-payment.use-case';
import { ConfirmPaymentUseCase } from './confirm/confirm-payment.use-case';
import { CreatePaymentDraftUseCase } from './create-draft/create-payment-draft.use-case';
import { EditPaymentUseCase } from './edit/edit-payment.use-case';
import { DecidePaymentHoldUseCase } from './hold-decision/decide-payment-hold.use-case';
import { ListPaymentsUseCase } from './list/list-payments.use-case';
import { OperatorPaymentsController } from './operator-payments.controller';
import { PaymentConfirmationsController } from './payment-confirmations.controller';
import { PaymentRepository } from './payment.repository';
import { PaymentWorkflowService } from './payment-workflow.service';
import { PaymentsController } from './payments.controller';
import { RequestConfirmationCodeUseCase } from './request-code/request-confirmation-code.use-case';
import { RequestApprovalPolicyChangeUseCase } from './request-policy-change/request-approval-policy-change.use-case';
import { ReturnPaymentUseCase } from './return/return-payment.use-case';
import { SubmitPaymentUseCase } from './submit/submit-payment.use-case';
import { VerifyApprovalPolicyChangeUseCase } from './verify-policy-change/verify-approval-policy-change.use-case';
import { ViewPaymentUseCase } from './view/view-payment.use-case';
import { ViewApprovalPolicyUseCase } from './view-policy/view-approval-policy.use-case';

/** Payment documents, their approval and the compliance hold (§1.2, §1.13, §2.4); the approval policy. */
@Module({})
export class PaymentsModule {
  static forRoot(): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [PaymentsController, PaymentConfirmationsController, ApprovalPolicyController, OperatorPaymentsController],
      providers: [
        CreatePaymentDraftUseCase,
        ListPaymentsUseCase,
        ViewPaymentUseCase,
        EditPaymentUseCase,
        SubmitPaymentUseCase,
        ReturnPaymentUseCase,
        CancelPaymentUseCase,
        RequestConfirmationCodeUseCase,
        ConfirmPaymentUseCase,
        DecidePaymentHoldUseCase,
        ViewApprovalPolicyUseCase,
        RequestApprovalPolicyChangeUseCase,
        VerifyApprovalPolicyChangeUseCase,
        PaymentWorkflowService,
        PaymentRepository,
        OperatorAuthGuard,
      ],
    };
  }
}
