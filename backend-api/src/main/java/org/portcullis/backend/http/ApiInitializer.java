package org.portcullis.backend.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of an API connection, nothing else: idle, TLS, HTTP codec, aggregation with a bounded body, one
 * request at a time, the token check, the endpoints, 404, errors.
 */
final class ApiInitializer extends ChannelInitializer<SocketChannel> {
    private final ApiSettings settings;
    private final SslContext sslContext;
    private final TokenAuthHandler auth;
    private final ConfigHandler config;
    private final CrlUrlsHandler crlUrls;
    private final EventsHandler events;
    private final NotFoundHandler notFound = new NotFoundHandler();
    private final ApiErrorsHandler errors = new ApiErrorsHandler();

    ApiInitializer(ApiSettings settings, SslContext sslContext, ApiServices services) {
        this.settings = settings;
        this.sslContext = sslContext;
        this.auth = new TokenAuthHandler(services.throttle(), services.verifier());
        this.config = new ConfigHandler(services.publisher(), settings.maxWait());
        this.crlUrls = new CrlUrlsHandler(services.crlUrls());
        this.events = new EventsHandler(services.events());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("aggregator", new HttpObjectAggregator(settings.maxBodyBytes()));
        pipeline.addLast("requestQueue", new RequestQueueHandler());
        pipeline.addLast("auth", auth);
        pipeline.addLast("config", config);
        pipeline.addLast("crlUrls", crlUrls);
        pipeline.addLast("events", events);
        pipeline.addLast("notFound", notFound);
        pipeline.addLast("errors", errors);
    }
}
