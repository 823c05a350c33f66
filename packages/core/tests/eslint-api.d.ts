/** eslint 9.9 ships no types of its own; this declares the slice of its Node API the purity test uses. */
declare module "eslint" {
  export interface LintMessage {
    ruleId: string | null;
    message: string;
  }
  export interface LintResult {
    messages: LintMessage[];
  }
  export class ESLint {
    constructor(options?: { cwd?: string });
    lintText(code: string, options?: { filePath?: string }): Promise<LintResult[]>;
  }
}
