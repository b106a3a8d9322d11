/** The renderer uses the shared description of API errors. */
export { describeError, toErrorData } from '@shared/i18n/describe-error'
export type { ErrorDescription } from '@shared/i18n/describe-error'
