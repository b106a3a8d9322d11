import dgram from 'node:dgram'
import dns from 'node:dns'
import { once } from 'node:events'
import http from 'node:http'
import net, { connect as importedConnect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  NetworkBlockedError,
  assertNothingBlocked,
  isLoopbackHost,
  takeBlockedAttempts
} from '../../setup/network-guard-core'
import { makeTempDir } from '../../helpers/temp-dir'

/*
 * The guard is installed by vitest's setup file (vitest.config.ts), so these tests also prove
 * that it runs in every worker: without it, the first call below would not throw.
 */

/** Runs `call`, which must throw the guard's error naming `target`; closes anything it opened. */
function expectBlocked(call: () => unknown, target: string): void {
  let opened: unknown
  expect(() => {
    opened = call()
  }).toThrow(NetworkBlockedError)
  // Should the guard let it through, do not leave the socket open.
  if (opened instanceof net.Socket) opened.destroy()
  const blocked = takeBlockedAttempts()
  expect(blocked.map((b) => b.target)).toEqual([target])
}

describe('the test network guard', () => {
  afterEach(() => {
    // Nothing a test here left behind may fail the next one (or hide in the setup's check).
    expect(takeBlockedAttempts()).toEqual([])
  })

  it('blocks a TCP connection to a remote address, with a clear message', () => {
    let message = ''
    try {
      net.connect(80, '93.184.216.34').destroy()
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^network access to 93\.184\.216\.34:80 blocked by the test guard/)
    expect(takeBlockedAttempts()).toHaveLength(1)
  })

  it('blocks every form of connect, the ESM import of net.connect included', () => {
    expectBlocked(() => net.createConnection({ host: 'example.com', port: 443 }), 'example.com:443')
    expectBlocked(() => new net.Socket().connect(8080, '192.0.2.1'), '192.0.2.1:8080')
    expectBlocked(() => new net.Socket().connect({ host: '2001:db8::1', port: 22 }), '[2001:db8::1]:22')
    expectBlocked(() => importedConnect(80, '198.51.100.7'), '198.51.100.7:80')
    expectBlocked(() => tls.connect(443, 'example.com'), 'example.com:443')
  })

  it('blocks HTTP requests and fetch, which open their sockets through net', async () => {
    expectBlocked(() => http.request('http://example.com/').end(), 'example.com:80')
    await expect(fetch('https://example.com/')).rejects.toThrow()
    expect(takeBlockedAttempts().map((b) => b.target)).toEqual(['example.com:443'])
  })

  it('blocks DNS lookups and queries, callback and promise forms', async () => {
    expectBlocked(() => dns.lookup('example.com', () => undefined), 'example.com')
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(NetworkBlockedError)
    expect(takeBlockedAttempts().map((b) => b.target)).toEqual(['example.com'])
    expectBlocked(() => dns.resolve4('example.com', () => undefined), 'example.com')
    expectBlocked(() => new dns.Resolver().resolveTxt('example.com', () => undefined), 'example.com')
    // A query goes to the name server, whatever the name.
    await expect(dns.promises.resolve('localhost')).rejects.toThrow(NetworkBlockedError)
    expect(takeBlockedAttempts().map((b) => b.target)).toEqual(['localhost'])
  })

  it('blocks UDP datagrams to a remote address', () => {
    const socket = dgram.createSocket('udp4')
    try {
      expectBlocked(() => socket.send('x', 53, '192.0.2.1'), '192.0.2.1')
    } finally {
      socket.close()
    }
  })

  it('fails the test even when the code under test swallowed the error', () => {
    try {
      net.connect(80, '93.184.216.34')
    } catch {
      // What careless code would do.
    }
    expect(() => assertNothingBlocked('This test')).toThrow(
      /This test tried to reach the network \(1 blocked\):\n- net\.connect to 93\.184\.216\.34:80/
    )
    // The check forgets what it reported.
    expect(() => assertNothingBlocked('This test')).not.toThrow()
  })
})

describe('what the guard lets through', () => {
  let server: net.Server
  let dir: string
  let cleanup: () => void
  beforeEach(() => {
    ;({ dir, cleanup } = makeTempDir())
    server = net.createServer((socket) => socket.end('hello'))
  })
  afterEach(async () => {
    server.close()
    cleanup()
    expect(takeBlockedAttempts()).toEqual([])
  })

  const read = async (socket: net.Socket): Promise<string> => {
    let text = ''
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    await once(socket, 'end')
    return text
  }

  it('connects to 127.0.0.1 and to localhost, and looks up localhost', async () => {
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as net.AddressInfo
    expect(await read(net.connect(port, '127.0.0.1'))).toBe('hello')
    expect(await read(net.connect({ port, host: '127.0.0.1' }))).toBe('hello')
    const response = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error)
    // Not an HTTP server, so fetch fails, but not at the guard.
    expect(response).not.toBeInstanceOf(NetworkBlockedError)
    const address = await dns.promises.lookup('localhost')
    expect(isLoopbackHost(address.address)).toBe(true)
  })

  it("connects to an address of this machine's own interfaces (delivered locally)", async () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)
    if (!own) return
    server.listen(0, own.address)
    await once(server, 'listening')
    const { port } = server.address() as net.AddressInfo
    expect(await read(net.connect(port, own.address))).toBe('hello')
  })

  it('connects to a Unix socket', async () => {
    if (process.platform === 'win32') return
    const path = join(dir, 'guard.sock')
    server.listen(path)
    await once(server, 'listening')
    expect(await read(net.connect(path))).toBe('hello')
  })

  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.10.2', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['', true],
    ['0.0.0.0', false],
    ['::', false],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['192.168.1.1', false],
    ['93.184.216.34', false],
    ['::ffff:93.184.216.34', false],
    ['2001:db8::1', false],
    ['example.com', false],
    ['localhost.example.com', false],
    ['127.0.0.1.example.com', false]
  ])('counts %j as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})
