package dev.sockeye.docs;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;
import dev.sockeye.ee.EndpointPath;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Emitting from outside any connection in a Jakarta EE application (guide/deploying.md). */
final class Headlines {

    private Headlines() {
    }

    // tag::resource[]
    @Path("/headlines")
    @RequestScoped
    public static class HeadlineResource {

        @Inject
        @EndpointPath("/chat/{room}")
        ConnectionRegistry chat;

        @POST
        @Path("/{room}")
        public void publish(@PathParam("room") String room, String headline) {
            chat.to(Target.room(room)).emit("headline", headline);
        }
    }
    // end::resource[]

    /** A CDI bean that endpoint classes can inject. */
    // tag::service[]
    @ApplicationScoped
    public static class Moderator {
        public boolean allows(String message) {
            return !message.contains("spam");
        }
    }
    // end::service[]
}
