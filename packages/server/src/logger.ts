import { closeSync, openSync, writeSync } from 'node:fs';

/** What one request leaves in the log. No addresses, no query strings, no bodies: nothing personal. */
export interface RequestLogEntry {
  method: string;
  /** The path without its query string (queries can carry anything a client puts there). */
  path: string;
  status: number;
  /** Milliseconds from the first byte of the request to the end of the answer. */
  ms: number;
  /** Set when the client went away before the answer was complete. */
  aborted?: boolean;
  /** A short, non-personal note: `"honeypot"`, `"replayed"`, `"rate-limited"`, `"client-error"`. */
  note?: string;
}

/** Where log lines go: `"stdout"`, `"stderr"`, a file path (appended to), or any writable stream. */
export type LogDestination = 'stdout' | 'stderr' | string | NodeJS.WritableStream;

/** One JSON line per request, plus a few lines about the server itself. */
export interface Logger {
  /** Logs one answered request. */
  request(entry: RequestLogEntry): void;
  /** Logs something about the server (start, reload, a failure), never personal data. */
  event(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void;
  /** Writes what is buffered now (also done on the next turn of the event loop). */
  flush(): void;
  /** Flushes and releases a file the logger opened. */
  close(): void;
}

const MAX_BUFFERED = 64 * 1024;

let isoMs = Number.NaN;
let iso = '';
/**
 * The time for a log line (ISO 8601, milliseconds). `toISOString` costs
 * more than a microsecond on Node 20, and a busy server logs dozens of lines
 * within one millisecond, so the string is made once per millisecond.
 */
function isoNow(): string {
  const now = Date.now();
  if (now !== isoMs) {
    isoMs = now;
    iso = new Date(now).toISOString();
  }
  return iso;
}

/**
 * A JSON-lines logger. Lines are collected and written once per turn of the
 * event loop (or when 64 KiB are waiting), so a busy server makes one write
 * call per batch instead of one per request; that keeps logging on in the
 * benchmark without making it the bottleneck.
 */
export function createLogger(destination: LogDestination = 'stdout'): Logger {
  let write: (text: string) => void;
  let release = () => {};
  if (destination === 'stdout' || destination === 'stderr') {
    const stream = destination === 'stdout' ? process.stdout : process.stderr;
    write = (text) => void stream.write(text);
  } else if (typeof destination === 'string') {
    const fd = openSync(destination, 'a');
    write = (text) => void writeSync(fd, text);
    release = () => closeSync(fd);
  } else {
    write = (text) => void destination.write(text);
  }

  let buffer = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!buffer) return;
    const text = buffer;
    buffer = '';
    write(text);
  };
  const append = (line: string) => {
    buffer += line + '\n';
    if (buffer.length >= MAX_BUFFERED) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  return {
    request({ method, path, status, ms, aborted, note }) {
      // The line JSON.stringify({ time, ...entry }) would make, put together by hand: this runs for every
      // request, and only the strings need escaping (status and ms are finite numbers).
      append(
        `{"time":"${isoNow()}","method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"ms":${ms}` +
          `${aborted === undefined ? '' : `,"aborted":${aborted}`}${note === undefined ? '' : `,"note":${JSON.stringify(note)}`}}`,
      );
    },
    event(level, message, fields) {
      append(JSON.stringify({ time: isoNow(), level, message, ...fields }));
    },
    flush,
    close() {
      flush();
      release();
      release = () => {};
      // A request that ends after the close (a client cut off during shutdown)
      // must not write to a closed file descriptor and crash the process.
      write = () => {};
    },
  };
}
