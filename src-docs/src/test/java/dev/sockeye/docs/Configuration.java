package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.OverflowPolicy;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import java.util.Set;
import java.util.UUID;

/** A configuration that changes every default (guide/configuration.md). */
final class Configuration {

    private Configuration() {
    }

    // tag::config[]
    static SockeyeEndpoint endpoint() {
        Config config = Config.builder()
                .messagePrefix("m:")                                   // as Iris v8's default
                .maxMessageSize(64 * 1024)                             // bytes
                .binaryMessages(false)
                .idGenerator(handshake -> handshake.queryParameter("user")
                        .orElseGet(() -> UUID.randomUUID().toString()))
                .allowedOrigins(Set.of("https://app.example.com"))     // same origin stays allowed
                .maxQueuedBytes(4L * 1024 * 1024)                      // bytes, per connection
                .overflowPolicy(OverflowPolicy.DROP)
                .build();
        return Sockeye.endpoint("/chat", config, connection -> connection.join("room1"));
    }
    // end::config[]
}
