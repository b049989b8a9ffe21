export declare const BUDGETS: { element: number; resize: number; embedPage: number; builder: number };
export declare const VIEWS: string[];
export interface Size {
  name: string;
  bytes: number;
  /** Absent for a file the issue gives no budget (the snapshot chunk); `note` says when it loads. */
  budget?: number;
  note?: string;
}
export declare function sizes(dist: string): Size[];
export declare function line(s: Size): string;
