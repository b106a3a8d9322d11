import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { tokenizeTicket } from './tokenize'

/** Tokenises batches of tickets (subject, text) off the calling thread. */
export interface ParallelTokenizer {
  tokenize(tickets: ReadonlyArray<readonly [subject: string | null, text: string]>): Promise<string[]>
  close(): Promise<void>
}

const ROLE = 'loopbench-search-tokenizer'

interface Request {
  id: number
  tickets: ReadonlyArray<readonly [string | null, string]>
}
interface Reply {
  id: number
  tokens: string[]
}

/**
 * A worker thread that runs the tokeniser, so that the indexer tokenises the next chunk on the
 * second core while it writes the current one (tokenising is about a fifth of a bulk build).
 *
 * The thread runs this very module, found by `import.meta.url`, which works wherever the code
 * runs as JavaScript modules: the built job worker and its chunks. From TypeScript sources (tests)
 * Node cannot run the module in a thread, and this returns null: the indexer then tokenises
 * inline, with the same results.
 */
export function startParallelTokenizer(): ParallelTokenizer | null {
  const self = import.meta.url
  if (!/\.m?js$/.test(new URL(self).pathname)) return null
  let worker: Worker
  try {
    worker = new Worker(new URL(self), { workerData: { role: ROLE } })
  } catch {
    return null
  }
  let next = 0
  const pending = new Map<number, { resolve: (tokens: string[]) => void; reject: (error: Error) => void }>()
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  worker.on('message', (reply: Reply) => {
    pending.get(reply.id)?.resolve(reply.tokens)
    pending.delete(reply.id)
  })
  worker.on('error', failAll)
  worker.on('exit', () => failAll(new Error('The tokenizer thread stopped.')))
  return {
    tokenize: (tickets) =>
      new Promise<string[]>((resolve, reject) => {
        const id = next++
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, tickets } satisfies Request)
      }),
    close: async () => {
      await worker.terminate()
    }
  }
}

// In the tokenizer thread: answer requests until terminated.
if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === ROLE) {
  const port = parentPort
  port.on('message', ({ id, tickets }: Request) => {
    port.postMessage({
      id,
      tokens: tickets.map(([subject, text]) => tokenizeTicket(subject, text))
    } satisfies Reply)
  })
}
