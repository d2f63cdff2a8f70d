package org.portcullis.backend.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.crl.CrlUrlReceiver;
import org.portcullis.backend.crl.CrlUrls;

/**
 * {@code POST /v1/crl-urls}: a JSON array of CRL distribution point URLs a relay saw. The http and https ones are
 * stored and fetched; others (ldap:) are skipped with a log line. {@code 202} once stored, {@code 400} for a
 * body that is not an array of at most {@value #MAX_URLS} strings. Sharable: stateless.
 */
@ChannelHandler.Sharable
final class CrlUrlsHandler extends SimpleChannelInboundHandler<ApiRequest> {
    static final String PATH = "/v1/crl-urls";
    static final int MAX_URLS = 100;

    private static final Logger LOG = LogManager.getLogger();
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final CrlUrlReceiver receiver;

    CrlUrlsHandler(CrlUrlReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof ApiRequest && PATH.equals(((ApiRequest) msg).path());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = Responses.empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
            Responses.send(ctx, request.keepAlive(), response);
            return;
        }
        List<String> urls;
        try {
            urls = urls(request);
        } catch (IllegalArgumentException e) {
            Responses.send(ctx, request.keepAlive(), Responses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        }
        boolean keepAlive = request.keepAlive();
        receiver.receive(urls).whenComplete((added, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                LOG.error("[{}] CRL URLs not stored: {}", Peers.name(ctx.channel()), failure.getMessage());
            }
            Responses.send(ctx, keepAlive, Responses.empty(failure == null ? HttpResponseStatus.ACCEPTED
                    : HttpResponseStatus.SERVICE_UNAVAILABLE));
        }));
    }

    private List<String> urls(ApiRequest request) {
        JsonNode root;
        try {
            root = MAPPER.readTree(new ByteBufInputStream(request.content()));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.size() > MAX_URLS) {
            throw new IllegalArgumentException("the body must be a JSON array of at most " + MAX_URLS + " URL strings");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode node : root) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("the body must be a JSON array of URL strings");
            }
            String problem = CrlUrls.check(node.asText());
            if (problem == null) {
                urls.add(node.asText());
            } else {
                LOG.info("CRL URL from {} skipped: {}", request.tokenName(), problem);
            }
        }
        return urls;
    }
}
