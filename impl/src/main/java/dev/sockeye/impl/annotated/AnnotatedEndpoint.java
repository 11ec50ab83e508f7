package dev.sockeye.impl.annotated;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.EventEndpoint;
import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventEndpoint} class prepared for deployment: scanned and checked once, its instance
 * factory and configuration resolved. Hand {@link #path()}, {@link #config()} and
 * {@link #listener()} to the programmatic endpoint factory.
 *
 * @param listener binds each new connection to an instance of the class
 */
public record AnnotatedEndpoint(String path, Config config, ConnectionListener listener) {

    /**
     * Scans and checks {@code type}, finds how its instances are made ({@link Instances}) and
     * creates its configuration. The problems of all three are reported together.
     *
     * @throws DeploymentException naming the class and listing every problem found, one per line
     */
    public static AnnotatedEndpoint prepare(Class<?> type) throws DeploymentException {
        List<String> problems = new ArrayList<>();
        EndpointModel model = EndpointScanner.scan(type, problems);
        // how instances are made (a usable constructor, satisfied injection points) and the config
        // are checked in the same pass, so that one error lists everything wrong with the class
        EndpointInstances.Factory<?> instances = Instances.factory(type, problems);
        Config config = model.config() == null ? null : Instances.config(model.config(), problems);
        if (!problems.isEmpty()) {
            throw failure("the Sockeye endpoint " + type.getName(), problems);
        }
        return new AnnotatedEndpoint(model.path(), config, new ConnectionBinding(model, instances));
    }

    /**
     * @param what what cannot be deployed, for example {@code the Sockeye endpoint com.example.Chat}
     * @return {@code cannot deploy <what>: <n> problems}, then one numbered problem per line
     */
    public static DeploymentException failure(String what, List<String> problems) {
        StringBuilder message = new StringBuilder("cannot deploy ").append(what)
                .append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return new DeploymentException(message.toString());
    }
}
