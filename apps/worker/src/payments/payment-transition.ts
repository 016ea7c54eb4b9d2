/** One per write: the revision only grows, and a retry of the write carries the same one. */
export const paymentTransitionKey = (paymentId: string, revision: number) => `transition/payment-${paymentId}/${revision}`;
