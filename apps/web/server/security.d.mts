export declare const TRPC_BODY_LIMIT: number;
export declare function securityHeaders(options: {
  production: boolean;
  extraOrigins?: string[];
}): unknown[];
export declare function bodyLimit(limit: number): unknown;
