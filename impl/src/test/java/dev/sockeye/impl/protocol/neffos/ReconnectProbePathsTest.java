package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe paths are the neffos endpoints' paths below the context, templates matched per segment. */
class ReconnectProbePathsTest {

    private static SockeyeEndpoint neffos(String path) throws Exception {
        return Sockeye.neffosEndpoint(path, Config.defaults(),
                Namespaces.builder().namespace("default", Events.builder().build()).build());
    }

    @Test
    void neffosPathsAndTemplatesBelowTheContextAreProbesIrisPathsAreNot() throws Exception {
        ReconnectProbePaths paths = ReconnectProbePaths.of("/app/", List.of(neffos("/chat"), neffos("/rooms/{room}/live"),
                Sockeye.endpoint("/iris", Config.defaults(), connection -> { })));
        assertTrue(paths.matches("/app/chat"));
        assertTrue(paths.matches("/app/rooms/lobby/live"));
        assertFalse(paths.matches("/app/rooms//live"), "a variable is one non-empty segment");
        assertFalse(paths.matches("/app/rooms/a/b/live"));
        assertFalse(paths.matches("/chat"), "outside the context");
        assertFalse(paths.matches("/app/chat/more"));
        assertFalse(paths.matches("/app/iris"));
    }

    @Test
    void anEndpointAtTheRootIsProbedAtTheContextOnly() throws Exception {
        ReconnectProbePaths paths = ReconnectProbePaths.of("/app", List.of(neffos("/")));
        assertTrue(paths.matches("/app"));
        assertTrue(paths.matches("/app/"));
        assertFalse(paths.matches("/app/x"));
        assertTrue(ReconnectProbePaths.of("/", List.of(neffos("/"))).matches("/"));
    }

    @Test
    void withoutNeffosEndpointsThereIsNothingToProbe() {
        assertTrue(ReconnectProbePaths.of("/", List.of(Sockeye.endpoint("/iris", Config.defaults(), c -> { }))).isEmpty());
    }
}
