/**
 * A `Date` whose "now" comes from an injected clock. Put in a scope as `Date`, it lets
 * code written the Appsmith way (`new Date().getTime()`, `Date.now()`) run against a
 * test's clock with no change to the code.
 */
export function clockDate(now: () => number): DateConstructor {
  const Base = Date
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Base(now()).toString()
    return args.length === 0 ? new Base(now()) : new (Base as unknown as new (...a: unknown[]) => Date)(...args)
  }
  ClockDate.prototype = Base.prototype
  ClockDate.now = now
  ClockDate.parse = Base.parse
  ClockDate.UTC = Base.UTC
  return ClockDate as unknown as DateConstructor
}
