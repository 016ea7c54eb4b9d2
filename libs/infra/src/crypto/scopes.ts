/**
 * Scopes from which e-mailed tokens and SMS codes derive (see SecretKeys): the
 * worker derives and sends, the API re-derives the hash to check — both through these.
 */
export const linkScope = (workflowId: string) => `${workflowId}/link`;
export const codeScope = (workflowId: string, codeNo: number) => `${workflowId}/code/${codeNo}`;
