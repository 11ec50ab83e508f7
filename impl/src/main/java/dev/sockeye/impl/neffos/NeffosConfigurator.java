package dev.sockeye.impl.neffos;

import dev.sockeye.impl.handshake.SockeyeConfigurator;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The neffos endpoint's configurator: Sockeye's handshake (origin, authorizer, ID) on a request
 * whose {@code X-Websocket-Header-*} query parameters count as headers, so that the origin policy,
 * the authorizer and the ID generator see them too. Thread-safe.
 */
final class NeffosConfigurator extends ServerEndpointConfig.Configurator {

    private final SockeyeConfigurator delegate;

    NeffosConfigurator(SockeyeConfigurator delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return delegate.checkOrigin(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        delegate.modifyHandshake(sec, new HeaderParamsRequest(request), response);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return delegate.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return delegate.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return delegate.getEndpointInstance(endpointClass);
    }
}
