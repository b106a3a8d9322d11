#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security checker) over a directory and prints its
// findings as JSON: `node scripts/electronegativity.cjs [dir=src]`. `npm test` runs it over src
// (test/integration/security/electronegativity.test.ts) and compares the findings with
// scripts/electronegativity-accepted.json, where every accepted finding says why.
//
// Offline by construction: Electronegativity fetches updated translations on every run and, in
// one check, Electron's release list. Its HTTP client (`got`) is replaced before it loads by one
// that fails at once, so no request is even attempted; the tool then uses its bundled English
// strings. The release-list check is excluded: it only asks the network whether a newer Electron
// exists, which `npm audit` and the pinned version answer instead.
'use strict'
const Module = require('node:module')
const { resolve } = require('node:path')

const load = Module._load
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('offline: Loopbench makes no network request'))
  return load.call(this, request, ...rest)
}

const input = resolve(process.argv[2] ?? 'src')
const electronVersion = require('electron/package.json').version
const run = require('@doyensec/electronegativity')

// The tool logs its progress on stdout; keep stdout for the JSON.
const log = console.log
console.log = (...args) => console.error(...args)
run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
}).then(
  (result) => {
    log(
      JSON.stringify(
        {
          input,
          electronVersion,
          checks: result.globalChecks + result.atomicChecks,
          errors: result.errors.map((e) => ({ file: e.file, message: e.message, tolerable: e.tolerable })),
          findings: result.issues.map((i) => ({
            id: i.id,
            file: i.file,
            line: i.location.line,
            column: i.location.column,
            severity: i.severity.name,
            confidence: i.confidence.name,
            manualReview: i.manualReview
          }))
        },
        null,
        2
      )
    )
  },
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
