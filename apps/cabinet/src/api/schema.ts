/**
 * The REST contract as TypeScript types, generated from /docs/openapi.json by
 * scripts/check-openapi.sh (openapi-typescript). Type-only: nothing here reaches the bundle.
 */
export type { components, paths } from '../../../../examples/api-client/generated/openapi';
import type { components } from '../../../../examples/api-client/generated/openapi';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type Me = Schemas['Me'];
export type Payment = Schemas['Payment'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type SecurityParameters = Schemas['SecurityParameters'];
