package dev.sockeye.docs;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
import dev.sockeye.Target;
import dev.sockeye.docs.Headlines.Moderator;

import jakarta.inject.Inject;

/** An annotated endpoint with an injected CDI bean (guide/annotated-endpoints.md). */
// tag::inject[]
@EventEndpoint("/moderated")
public class ModeratedChat {

    @Inject
    Moderator moderator;

    @OnEvent("chat")
    public void chat(Connection connection, String message) {
        if (moderator.allows(message)) {
            connection.to(Target.all()).emit("chat", message);
        }
    }
}
// end::inject[]
