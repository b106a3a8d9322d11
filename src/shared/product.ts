/** Product identity shared by every host. */
export const PRODUCT_NAME = 'Loopbench'

/** File extension of workspaces created by Loopbench (`.sqlite` files are opened too). */
export const WORKSPACE_EXTENSION = '.loopbench'
