export * from './result';
export * from './domain-error';
export * from './machine-state';
export * from './access-level';
export * from './permissions';
export * from './password-policy';
export * from './values';
