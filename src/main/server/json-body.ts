import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

/**
 * Reads a JSON request body of at most `maxBytes` (an empty body is `{}`). Past the limit it stops
 * reading and leaves the connection to the caller, which can still answer on it: iterating the
 * request and breaking out would destroy the socket before the answer.
 */
export function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      request.off('data', onData).off('end', onEnd).off('close', onClose);
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(new BodyTooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      request.off('close', onClose);
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? {} : (JSON.parse(text) as unknown));
      } catch (error) {
        reject(error as Error);
      }
    };
    const onClose = () => stop(new Error('the request ended before its body'));
    request.on('data', onData).once('end', onEnd).once('close', onClose);
  });
}
