export type Result<T, I> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: I };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const fail = <I>(issue: I): { readonly ok: false; readonly issue: I } => ({ ok: false, issue });
