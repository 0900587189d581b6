/**
 * The built-in transports: {@code http}, {@link dev.aiperf.transport.NettyHttpTransport} (HTTP/1.1 over Netty with
 * keep-alive pools and TLS), and {@code http2}, {@link dev.aiperf.transport.NettyHttp2Transport} (HTTP/2 streams
 * multiplexed over few connections, h2c with prior knowledge or h2 by ALPN). Both stamp arrivals before decoding
 * and decode bodies incrementally through the same SSE framing. Everything else here is internal.
 */
package dev.aiperf.transport;
