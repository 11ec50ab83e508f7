package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.Target;
import dev.sockeye.tck.EventClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Many members emitting to one room at once in a container: every member receives every message
 * exactly once, and the messages of each sender in the order it sent them.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentRoomEmitsIT {

    private static final int CLIENTS = 8;
    private static final int MESSAGES = 50;

    @EventEndpoint("/room")
    public static class RoomEndpoint {
        @OnConnect
        public void join(Connection connection) {
            connection.join("everyone");
            connection.emit("joined", "");
        }

        @OnEvent("say")
        public void say(Connection connection, String text) {
            connection.to(Target.room("everyone")).emit("said", text);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("room", RoomEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyMemberGetsEveryMessageOnceInEachSendersOrder() throws Exception {
        List<EventClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                EventClient client = EventClient.to(Urls.ws(base, "/room"))
                        .record("joined", String.class).record("said", String.class).connect();
                assertEquals("", client.next("joined", String.class));
                clients.add(client);
            }
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                EventClient client = clients.get(c);
                int sender = c;
                senders.add(pool.submit(() -> {
                    for (int m = 0; m < MESSAGES; m++) {
                        client.emit("say", sender + ":" + m);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(30, TimeUnit.SECONDS);
            }
            for (EventClient client : clients) {
                Map<Integer, Integer> nextOf = new HashMap<>();
                for (int i = 0; i < CLIENTS * MESSAGES; i++) {
                    String text = client.next("said", String.class);
                    int sender = Integer.parseInt(text.substring(0, text.indexOf(':')));
                    int message = Integer.parseInt(text.substring(text.indexOf(':') + 1));
                    assertEquals(nextOf.getOrDefault(sender, 0), message, "sender " + sender + "'s order");
                    nextOf.put(sender, message + 1);
                }
                for (int s = 0; s < CLIENTS; s++) {
                    assertEquals(MESSAGES, nextOf.get(s), "every message of sender " + s);
                }
                assertNull(client.poll(Duration.ofMillis(100)), "no message twice");
                client.assertNoErrors();
            }
        } finally {
            for (EventClient client : clients) {
                client.close();
            }
            pool.shutdownNow();
        }
    }
}
