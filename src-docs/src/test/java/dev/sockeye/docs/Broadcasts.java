package dev.sockeye.docs;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/** Using the registry from outside any handler (guide/events-and-rooms.md). */
final class Broadcasts {

    private Broadcasts() {
    }

    // tag::registry[]
    static void publish(SockeyeEndpoint news, String headline) {
        ConnectionRegistry registry = news.registry();

        registry.to(Target.room("headlines")).emit("headline", headline);

        int readers = registry.count();
        Collection<Connection> subscribers = registry.members("headlines");
        System.out.println(subscribers.size() + " of " + readers + " readers follow the headlines");
    }

    static CompletionStage<Void> kick(SockeyeEndpoint news, String connectionId) {
        return news.registry().disconnect(connectionId);
    }
    // end::registry[]
}
