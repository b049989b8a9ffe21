export declare const BUDGETS: { element: number; resize: number; embedPage: number };
export declare const VIEWS: string[];
export interface Size {
  name: string;
  bytes: number;
  budget: number;
}
export declare function sizes(dist: string): Size[];
export declare function line(s: Size): string;
