/**
 * The Content-Security-Policy of the renderer, the same in the desktop app (custom protocol) and
 * the web host: only the app's own origin, no remote content, no inline scripts, no frames.
 * Inline styles are allowed because charts and virtualised lists position elements with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'"
].join('; ')
