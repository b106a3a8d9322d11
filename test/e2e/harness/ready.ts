/** Visible once the workbench shows an open workspace's contents (used by tests and the benchmark). */
export const WORKBENCH_READY_SELECTOR = '[data-testid="workbench"][data-ready="true"]'
