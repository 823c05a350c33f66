export declare function parseTrustedProxy(raw: string | undefined): false | number | string[];
export declare function stampClientAddress(
  app: unknown,
  trustedProxy: false | number | string[],
): void;
