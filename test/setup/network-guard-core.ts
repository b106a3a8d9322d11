import dgram from 'node:dgram'
import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import { networkInterfaces } from 'node:os'
import tls from 'node:tls'

/*
 * The test guard's mechanics: Node's ways out of the process (TCP, TLS, UDP, DNS) are wrapped so
 * that anything but loopback or a local IPC path throws and is recorded. HTTP, HTTPS, HTTP/2 and
 * `fetch` (undici) all open their sockets through `net.Socket.prototype.connect`, so they are
 * covered without wrapping them one by one. Kept apart from the setup file so that the guard's own
 * test can read the record without registering the hooks a second time.
 */

/** One attempt the guard stopped. */
export interface BlockedAttempt {
  /** What was called, e.g. `net.Socket#connect` or `dns.lookup`. */
  api: string
  /** The host (and port) or name it wanted. */
  target: string
  /** Where it was called from. */
  stack: string
}

interface GuardState {
  installed: boolean
  blocked: BlockedAttempt[]
}

// On globalThis, so that a second evaluation of this module (the setup file and a test importing
// it) shares one record and installs the wrappers once.
const STATE_KEY = Symbol.for('loopbench.test.network-guard')
const state: GuardState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as GuardState | undefined) ?? {
  installed: false,
  blocked: []
}
;(globalThis as Record<symbol, unknown>)[STATE_KEY] = state

/** The error every blocked call throws. */
export class NetworkBlockedError extends Error {
  constructor(api: string, target: string) {
    super(
      `network access to ${target} blocked by the test guard (${api}): tests may use only loopback ` +
        '(127.0.0.0/8, ::1, localhost) and local IPC paths'
    )
    this.name = 'NetworkBlockedError'
  }
}

/** True for a host name or address that stays on this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string | null | undefined): boolean {
  // Node connects to localhost when no host is given.
  if (host === undefined || host === null || host === '') return true
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (name === 'localhost' || name === 'localhost.') return true
  if (net.isIPv4(name)) return name.startsWith('127.')
  if (net.isIPv6(name)) {
    // The URL parser writes an IPv6 address in its shortest form (an IPv4-mapped one in hex).
    const canonical = new URL(`http://[${name}]/`).hostname
    return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical)
  }
  return false
}

/**
 * True for an address of one of this machine's own interfaces: the kernel delivers such a
 * connection locally, it never reaches the wire (the web host's tests use one to prove the host
 * does not listen there).
 */
export function isOwnAddress(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (!net.isIP(name)) return false
  return Object.values(networkInterfaces()).some((list) =>
    (list ?? []).some((i) => i.address.toLowerCase() === name)
  )
}

const staysHere = (host: string | undefined): boolean =>
  isLoopbackHost(host) || (host !== undefined && isOwnAddress(host))

function block(api: string, target: string): never {
  const error = new NetworkBlockedError(api, target)
  state.blocked.push({ api, target, stack: error.stack ?? '' })
  throw error
}

function hostPort(host: unknown, port: unknown): string {
  const name = typeof host === 'string' && host !== '' ? host : 'localhost'
  return port === undefined ? name : `${name.includes(':') ? `[${name}]` : name}:${String(port)}`
}

/**
 * Where a `connect` call goes, from any of its forms: `(options[, cb])`, `(port[, host][, cb])`,
 * `(path[, cb])`, or the normalised `[options, cb]` array `net.connect` hands to the socket.
 * Null for a local IPC path (a Unix socket or a named pipe).
 */
function connectTarget(args: unknown[]): { host: unknown; port: unknown } | null {
  let first = args[0]
  if (Array.isArray(first)) first = first[0]
  if (typeof first === 'object' && first !== null) {
    // HTTP hands its options on with `path: null`; net takes any non-empty path for IPC.
    const options = first as { path?: unknown; host?: unknown; port?: unknown }
    if (typeof options.path === 'string' && options.path !== '') return null
    return { host: options.host, port: options.port }
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
    return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first }
  if (typeof first === 'string') return null
  return { host: undefined, port: undefined }
}

function checkConnect(api: string, args: unknown[]): void {
  const target = connectTarget(args)
  if (target && !staysHere(typeof target.host === 'string' ? target.host : undefined))
    block(api, hostPort(target.host, target.port))
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown

/** Replaces `owner[key]` with a wrapper that runs `check` on the arguments first. */
function wrap(
  owner: object,
  key: string,
  api: string,
  check: (api: string, args: unknown[]) => void,
  returnsPromise = false
): void {
  const record = owner as Record<string, unknown>
  const original = record[key]
  if (typeof original !== 'function') return
  const fn = original as AnyFunction
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    if (!returnsPromise) check(api, args)
    else
      try {
        check(api, args)
      } catch (error) {
        // A promise API fails as its callers expect: with a rejected promise.
        return Promise.reject(error)
      }
    return fn.apply(this, args)
  }
  Object.defineProperty(wrapped, 'name', { value: fn.name })
  record[key] = wrapped
}

function checkLookup(api: string, args: unknown[]): void {
  const name = args[0]
  if (typeof name === 'string' && !staysHere(name)) block(api, name)
}

/** A DNS query goes to the configured name server, whatever name it asks for. */
function blockQuery(api: string, args: unknown[]): void {
  block(api, typeof args[0] === 'string' ? args[0] : String(args[0]))
}

/** `send(msg[, offset, length][, port][, address][, cb])`: the address is the string after msg. */
function checkDatagram(api: string, args: unknown[]): void {
  const rest = api.endsWith('#connect') ? args : args.slice(1)
  const address = rest.find((a) => typeof a === 'string')
  if (typeof address === 'string' && !staysHere(address)) block(api, address)
}

const RESOLVER_METHODS = [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTlsa',
  'resolveTxt',
  'reverse'
]

/** Wraps every way out once per process; later calls do nothing. */
export function installNetworkGuard(): void {
  if (state.installed) return
  state.installed = true
  wrap(net.Socket.prototype, 'connect', 'net.Socket#connect', checkConnect)
  wrap(net, 'connect', 'net.connect', checkConnect)
  wrap(net, 'createConnection', 'net.createConnection', checkConnect)
  wrap(tls, 'connect', 'tls.connect', (api, args) => {
    // Over a socket that is already connected (and was checked then), TLS opens nothing new.
    const options = args.find((a) => typeof a === 'object' && a !== null) as { socket?: unknown } | undefined
    if (!options?.socket) checkConnect(api, args)
  })
  wrap(dgram.Socket.prototype, 'send', 'dgram.Socket#send', checkDatagram)
  wrap(dgram.Socket.prototype, 'connect', 'dgram.Socket#connect', checkDatagram)
  wrap(dns, 'lookup', 'dns.lookup', checkLookup)
  wrap(dns, 'lookupService', 'dns.lookupService', checkLookup)
  wrap(dns.promises, 'lookup', 'dns.promises.lookup', checkLookup, true)
  wrap(dns.promises, 'lookupService', 'dns.promises.lookupService', checkLookup, true)
  for (const method of RESOLVER_METHODS) {
    wrap(dns, method, `dns.${method}`, blockQuery)
    wrap(dns.promises, method, `dns.promises.${method}`, blockQuery, true)
    wrap(dns.Resolver.prototype, method, `dns.Resolver#${method}`, blockQuery)
    wrap(dns.promises.Resolver.prototype, method, `dns.promises.Resolver#${method}`, blockQuery, true)
  }
  // `import { connect } from 'node:net'` reads the ESM copy of the exports; bring it up to date.
  syncBuiltinESMExports()
}

/** The attempts blocked since the last call, which forgets them. */
export function takeBlockedAttempts(): BlockedAttempt[] {
  return state.blocked.splice(0)
}

/** Throws, listing them, if anything was blocked since the last check. */
export function assertNothingBlocked(when: string): void {
  const blocked = takeBlockedAttempts()
  if (blocked.length === 0) return
  const list = blocked.map((b) => `- ${b.api} to ${b.target}\n${b.stack}`).join('\n')
  throw new Error(`${when} tried to reach the network (${blocked.length} blocked):\n${list}`)
}
