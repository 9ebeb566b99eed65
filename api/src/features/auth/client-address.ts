import type { Context } from 'hono';

/**
 * The peer's address as @hono/node-server passes it in `env.incoming`. Forwarded headers are not
 * trusted: anyone can write them, and trusting them would let one client pose as many.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'inconnue';
}
