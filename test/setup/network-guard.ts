import { afterAll, afterEach } from 'vitest'
import { assertNothingBlocked, installNetworkGuard } from './network-guard-core'

/*
 * Nothing leaves the machine: in every test worker, a connection or DNS lookup to anything but
 * loopback or a local IPC path throws "network access to … blocked by the test guard", and the
 * test fails even when the code under test swallowed that error. Child processes and worker
 * threads the code starts are not covered (Chromium is kept offline by its own flags).
 */
installNetworkGuard()

afterEach(() => assertNothingBlocked('This test'))
// A file's beforeAll/afterAll hooks run outside any test.
afterAll(() => assertNothingBlocked("This file's hooks"))
