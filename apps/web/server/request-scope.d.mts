export declare function requestScope(req: unknown, res: unknown, next: () => void): void;
