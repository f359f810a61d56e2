/** Alias of `nodeFields.ts` under the name the invoice operations import. */
export * from './nodeFields';
