/** Compile-time assertions for the type tests: `expectType<Equal<A, B>>()` fails to type-check unless A is B. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function expectType<T extends true>(): T | void {}
