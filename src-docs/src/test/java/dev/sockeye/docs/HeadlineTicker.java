package dev.sockeye.docs;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;
import dev.sockeye.ee.EndpointPath;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** An EJB timer that emits to a room (guide/deploying.md); an EJB class cannot be nested. */
// tag::timer[]
@Singleton
@Startup
public class HeadlineTicker {

    @Inject
    @EndpointPath("/chat/{room}")
    ConnectionRegistry chat; // finds its endpoint at its first use: see below

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void remind() {
        chat.to(Target.room("lobby")).emit("headline", "Five minutes to go");
    }
}
// end::timer[]
