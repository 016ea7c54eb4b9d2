declare const brand: unique symbol;

/**
 * A nominal type: a `string` (or `bigint`) that has passed its parser. Only the
 * value object's own parser casts to it, so holding one proves validation ran.
 */
export type Brand<T, B extends string> = T & { readonly [brand]: B };
