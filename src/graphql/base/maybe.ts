import type { MaybePromise } from "../../repository/repository";

/** Applies `fn` to a value or to what a Promise resolves to, staying synchronous when it can. */
export function then<T, U>(value: MaybePromise<T>, fn: (resolved: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
