package dev.sockeye.docs;

import dev.sockeye.Sockeye;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.DeploymentException;

import java.io.IOException;

/** An annotated endpoint on the embedded server (guide/annotated-endpoints.md, guide/deploying.md). */
final class AnnotatedChatServer {

    private AnnotatedChatServer() {
    }

    // tag::embedded[]
    static EmbeddedServer start(int port) throws DeploymentException, IOException {
        return EmbeddedServer.builder()
                .port(port)
                .endpoint(Sockeye.endpoint(AnnotatedChat.class)) // path and config from the annotation
                .start();
    }
    // end::embedded[]
}
