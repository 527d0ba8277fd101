// A promise with its resolve and reject at hand (Promise.withResolvers, which Node 20 lacks).
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A rejection nobody awaits yet is not an unhandled one: whoever takes the promise sees it.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
