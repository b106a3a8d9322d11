/** The privileged scheme the renderer is served from. */
export const APP_SCHEME = 'loopbench'
/** The one host of that scheme; every other host answers 404. */
export const APP_HOST = 'app'
/** The renderer's entry page in a built app. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Where the renderer comes from, and what counts as "our own": the `loopbench://app` origin of
 * a built app, or electron-vite's dev server while developing. Every navigation, request and IPC
 * sender check asks this one object.
 */
export interface AppOrigin {
  /** The URL the window loads. */
  readonly entryUrl: string
  /** True for a URL on the renderer's own origin. */
  isAppUrl(url: string): boolean
  /**
   * True for a request the session may make: the app origin, developer tools, and the page's
   * own in-memory `data:` and `blob:` URLs (which never touch the network).
   */
  allowsRequest(url: string): boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** The origin of the built renderer, served by the app protocol. */
export function packagedOrigin(): AppOrigin {
  // A non-special scheme has an opaque origin in WHATWG URL, so compare scheme and host instead.
  const isAppUrl = (url: string): boolean => {
    const u = parse(url)
    return (
      u !== null &&
      u.protocol === `${APP_SCHEME}:` &&
      u.host === APP_HOST &&
      u.username === '' &&
      u.password === ''
    )
  }
  return {
    entryUrl: APP_ENTRY_URL,
    isAppUrl,
    allowsRequest: (url) => isAppUrl(url) || isDevToolsUrl(url) || isInMemoryUrl(url, isAppUrl)
  }
}

/**
 * The origin of electron-vite's dev server (`ELECTRON_RENDERER_URL`). Accepted only for a loopback
 * http URL, so that no environment variable can point the window at a remote page.
 */
export function devServerOrigin(rendererUrl: string): AppOrigin | null {
  const dev = parse(rendererUrl)
  if (!dev || dev.protocol !== 'http:' || !isLoopbackHost(dev.hostname)) return null
  const isAppUrl = (url: string): boolean => parse(url)?.origin === dev.origin
  const isHotReloadSocket = (url: string): boolean => {
    const u = parse(url)
    return u !== null && u.protocol === 'ws:' && u.host === dev.host
  }
  return {
    entryUrl: dev.href,
    isAppUrl,
    allowsRequest: (url) =>
      isAppUrl(url) || isHotReloadSocket(url) || isDevToolsUrl(url) || isInMemoryUrl(url, isAppUrl)
  }
}

/**
 * The origin for this run: the dev server when electron-vite's `dev` set one and the app is not
 * packaged, else the app protocol.
 */
export function resolveAppOrigin(options: {
  isPackaged: boolean
  rendererUrl: string | undefined
}): AppOrigin {
  if (!options.isPackaged && options.rendererUrl) {
    const dev = devServerOrigin(options.rendererUrl)
    if (dev) return dev
  }
  return packagedOrigin()
}

function isDevToolsUrl(url: string): boolean {
  return parse(url)?.protocol === 'devtools:'
}

/**
 * A `data:` URL, or a `blob:` URL the app's own page created (`blob:loopbench://app/<uuid>`):
 * content already in memory, such as a chart exported as a picture.
 */
function isInMemoryUrl(url: string, isAppUrl: (url: string) => boolean): boolean {
  const u = parse(url)
  if (u === null) return false
  if (u.protocol === 'data:') return true
  return u.protocol === 'blob:' && isAppUrl(u.pathname)
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}
