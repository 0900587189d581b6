package dev.aiperf.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers every request with raw bytes written in scripted pieces,
 * with pauses between them: for exact control of chunk boundaries, SSE error events and TLS.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** One step of the answer: bytes to write and flush, a pause, or closing the connection. */
    sealed interface Step {
    }

    record Write(String text) implements Step {
    }

    record Pause(long millis) implements Step {
    }

    record Close() implements Step {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    ScriptedHttpServer(List<Step> script, SslContext tls) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.incrementAndGet();
                        channel.closeFuture().addListener(done -> closed.incrementAndGet());
                        if (tls != null) {
                            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        requests.incrementAndGet();
                                        play(ctx.channel(), new ArrayList<>(script), 0);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close(); // e.g. a client rejecting our certificate
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    ScriptedHttpServer(List<Step> script) {
        this(script, null);
    }

    /** A complete keep-alive SSE response whose body is sent in the given pieces, 20 ms apart. */
    static List<Step> sseResponse(String... bodyPieces) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
        for (String piece : bodyPieces) {
            steps.add(new Pause(20));
            steps.add(new Write(chunk(piece)));
        }
        steps.add(new Write("0\r\n\r\n"));
        return steps;
    }

    /** {@code text} as one HTTP chunk of a chunked body. */
    static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    private static void play(Channel channel, List<Step> steps, int index) {
        for (int i = index; i < steps.size(); i++) {
            Step step = steps.get(i);
            switch (step) {
                case Write write -> channel.writeAndFlush(
                        Unpooled.copiedBuffer(write.text(), StandardCharsets.UTF_8));
                case Close close -> {
                    channel.close();
                    return;
                }
                case Pause pause -> {
                    int next = i + 1;
                    channel.eventLoop().schedule(() -> play(channel, steps, next), pause.millis(),
                            TimeUnit.MILLISECONDS);
                    return;
                }
            }
        }
    }

    String baseUrl(String scheme) {
        return scheme + "://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    /** Connections that ended, by either side. */
    int closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
