/**
 * Raw TCP helpers for the HTTP tests that need what `fetch` hides: partial requests, idle
 * keep-alive connections, what the server sends before it closes a connection.
 */
import { connect, type Socket } from "node:net";

/** Opens a TCP connection: resolves with the socket, or rejects with the error code (e.g. ECONNREFUSED). */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket));
    socket.once("error", (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
  });
}

/** Everything the server sends until it closes the connection. */
export function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
    socket.once("end", () => resolve(text));
    socket.once("error", reject);
  });
}

/**
 * What the server sent until the connection ended, however it ended (closed, reset), and how: a
 * client still writing when the server closes sees a reset rather than an orderly end.
 */
export function untilClosed(socket: Socket): Promise<{ readonly text: string; readonly error: string | null }> {
  return new Promise(resolve => {
    let text = "";
    let error: string | null = null;
    socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
    socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.once("close", () => resolve({ text, error }));
  });
}

/** A raw HTTP/1.1 request. */
export function rawRequest(method: string, path: string, headers: Record<string, string | number>, body = ""): string {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    "Host: 127.0.0.1",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** The status line, headers (lower-cased names) and body of the first response in `text`. */
export function parseResponse(text: string): { status: string; headers: Record<string, string>; body: string } {
  const split = text.indexOf("\r\n\r\n");
  const [status = "", ...lines] = text.slice(0, split < 0 ? text.length : split).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: split < 0 ? "" : text.slice(split + 4) };
}
