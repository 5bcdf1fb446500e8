/**
 * The SDK's logger middleware, taken out of the extension's EC2 clients.
 *
 * After every call it runs the schema's sensitive-data filter over the whole response (a copy of
 * every image of a DescribeImages page, member by member) only to pass the copy to
 * `logger?.info?.(…)`; the default logger is a no-op that has an `info`, so the copy is made and
 * dropped. The extension gives the SDK no logger (what it records of a call goes through its own
 * call observer, src/aws/cachedClients.ts), so the middleware only costs: about 5% of a cleanup
 * dry run's CPU over 10,000 images (issue 13's benchmark), most of it on DescribeImages pages.
 */

/** The name @aws-sdk/middleware-logger (and @aws-sdk/core) register it under. */
export const SDK_LOGGER_MIDDLEWARE = 'loggerMiddleware';

/** Removes the logger middleware from `client` (before its first call) and returns the client. */
export function withoutSdkLogging<C extends { middlewareStack: { remove(name: string): boolean } }>(client: C): C {
  client.middlewareStack.remove(SDK_LOGGER_MIDDLEWARE);
  return client;
}
