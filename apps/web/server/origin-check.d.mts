export declare function isAllowedOrigin(req: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  protocol?: string;
  appOrigin: string | null;
}): boolean;
export declare function originCheck(appOrigin: string | null): unknown;
