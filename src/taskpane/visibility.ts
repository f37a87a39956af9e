/*
 * Whether the task pane is shown. With a shared runtime (the manifest's
 * lifetime="long") the page keeps running after the pane is closed, and the
 * pane must not keep reading parts for no one; SharedRuntime 1.1 tells it when
 * the pane is hidden and shown again (Office.addin.onVisibilityModeChanged).
 */

/** Calls `onChange` when the pane is hidden (false) or shown (true); resolves to whether it can tell at all. */
export type VisibilityWatch = (onChange: (visible: boolean) => void) => Promise<boolean>;

/** The minimum of Office that visibility needs, so that a host without it can be described too. */
export interface OfficeVisibilityHost {
  readonly context?: { readonly requirements?: { isSetSupported(name: string, version?: string): boolean } };
  readonly addin?: { onVisibilityModeChanged?(handler: (message: { visibilityMode: string }) => void): Promise<unknown> };
}

/**
 * Office.addin.onVisibilityModeChanged, where the host has SharedRuntime 1.1.
 * Without it (an older Office, or the page opened on its own) the pane cannot
 * tell, resolves to false, and keeps working as if always shown.
 */
export function officeVisibility(office: OfficeVisibilityHost): VisibilityWatch {
  return async (onChange) => {
    try {
      if (office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") !== true) return false;
      const listen = office.addin?.onVisibilityModeChanged;
      if (typeof listen !== "function") return false;
      await listen.call(office.addin, (message) => onChange(message.visibilityMode !== "Hidden"));
      return true;
    } catch {
      return false;
    }
  };
}
