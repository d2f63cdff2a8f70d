package org.portcullis.proxy.http;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Sits in HttpClient's execution chain right after the CONNECT element, so it runs only once the connection
 * to the backend stands: TCP, the proxy's tunnel and TLS with the backend. A response that arrives without
 * this mark was the proxy's own answer to CONNECT (classic {@code ConnectExec} hands a refused CONNECT back
 * as the response, PROXIES.md §2.2); with it, the backend answered.
 */
final class BackendConnectedMark implements ExecChainHandler {
    /** The context attribute set once the connection to the backend is up. */
    static final String CONNECTED = "org.portcullis.proxy.backend-connected";
    /** The name of this element in the chain. */
    static final String NAME = "portcullis-backend-connected";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        scope.clientContext.setAttribute(CONNECTED, Boolean.TRUE);
        return chain.proceed(request, scope);
    }
}
