// Every workflow the worker registers. Only @temporalio/workflow and libs/domain may be imported from here down.
export { onboardingWorkflow } from './onboarding/onboarding.workflow';
export { registrationWorkflow } from './registration/registration.workflow';
