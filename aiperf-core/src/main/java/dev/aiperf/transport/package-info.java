/**
 * The built-in {@code http} transport, {@link dev.aiperf.transport.NettyHttpTransport}: HTTP/1.1 over Netty with
 * keep-alive pools, TLS, incremental SSE parsing and arrival timestamps. Everything else here is internal.
 */
package dev.aiperf.transport;
