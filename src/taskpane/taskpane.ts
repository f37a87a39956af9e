/* Placeholder until the task pane lands. */
Office.onReady(() => undefined);
