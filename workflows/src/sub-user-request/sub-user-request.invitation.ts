import { ParentClosePolicy, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import { registrationWorkflowId } from '../registration/registration.messages';
import { registrationWorkflow } from '../registration/registration.workflow';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId } from '../shared/search-attributes';
import type { SubUserRequestInput } from './sub-user-request.messages';

/**
 * §1.8.4: the new user registers exactly as a listed user does — the registration
 * workflow itself, as the first invitation of that user. Abandoned rather than
 * terminated with the request: when the request ends first it cancels the
 * registration by signal, so the registration records why.
 */
export const startRegistration = (
  input: SubUserRequestInput,
  userId: string,
): Promise<ChildWorkflowHandle<typeof registrationWorkflow>> =>
  startChild(registrationWorkflow, {
    workflowId: registrationWorkflowId(userId, 1),
    args: [{ userId, partnerId: input.partnerId, partnerBin: input.partnerBin, invitationNo: 1, ...input.registration }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: [
      { key: Flow, value: 'registration' },
      { key: PartnerId, value: input.partnerId },
      { key: PartnerBin, value: input.partnerBin },
      { key: UserId, value: userId },
      { key: FlowStatus, value: 'INVITED' },
    ],
    staticSummary: `Registration of user ${userId} (invitation 1, sub-user request ${input.requestId})`,
  });
