package dev.sockeye.ee;

import dev.sockeye.SockeyeEndpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Sockeye endpoints of each running web application, by the application's class loader, so
 * that CDI producers (which run on the application's threads) find those of their application.
 * Entries are added at start-up and removed when the application stops.
 */
final class DeployedEndpoints {

    private static final Map<ClassLoader, Map<String, SockeyeEndpoint>> BY_APPLICATION = new ConcurrentHashMap<>();

    private DeployedEndpoints() {
    }

    static void register(ClassLoader application, SockeyeEndpoint endpoint) {
        BY_APPLICATION.computeIfAbsent(application, loader -> new ConcurrentHashMap<>()).put(endpoint.path(), endpoint);
    }

    static void forget(ClassLoader application) {
        BY_APPLICATION.remove(application);
    }

    /**
     * @return the endpoint at {@code path} of the application of the current thread's context class
     *         loader (or of one of its parents)
     * @throws IllegalStateException naming the paths that exist when there is no such endpoint
     */
    static SockeyeEndpoint find(String path) {
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            Map<String, SockeyeEndpoint> endpoints = BY_APPLICATION.get(loader);
            if (endpoints != null) {
                SockeyeEndpoint endpoint = endpoints.get(path);
                if (endpoint == null) {
                    throw new IllegalStateException("no Sockeye endpoint at " + path + " in this application; its endpoints: "
                            + endpoints.keySet().stream().sorted().toList());
                }
                return endpoint;
            }
        }
        throw new IllegalStateException("no Sockeye endpoint at " + path + ": this application has no annotated "
                + "endpoint (@EventEndpoint), or the injection happens outside its threads");
    }
}
