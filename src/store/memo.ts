/** Remembers the last result for the last arguments (compared by identity): enough for selectors fed by one store. */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i])))
      return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}

/** Remembers the results for the last `size` argument lists (compared by identity), newest first. */
export function memoRecent<A extends readonly unknown[], R>(fn: (...args: A) => R, size: number): (...args: A) => R {
  const recent: { args: A; result: R }[] = [];
  return (...args: A) => {
    const hit = recent.find((e) => e.args.length === args.length && e.args.every((a, i) => Object.is(a, args[i])));
    if (hit) return hit.result;
    const result = fn(...args);
    recent.unshift({ args, result });
    if (recent.length > size) recent.length = size;
    return result;
  };
}
