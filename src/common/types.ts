/**
 * Type-level checks: `export type _Name = Assert<…>` fails to compile, at the line that states the
 * rule, when the rule stops holding. They tie the per-type tables of each stage to the entity
 * registry (`RecordByType` in src/domain/records.ts).
 */

/** Compiles only when `T` is `true`. */
export type Assert<T extends true> = T;

/** Whether `A` and `B` are the same union (of keys, names…). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Whether two object types have exactly the same keys. */
export type SameKeys<A, B> = Same<keyof A, keyof B>;

/** Compiles only when `value` has been narrowed to `never`: a switch over a union missed no case. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
