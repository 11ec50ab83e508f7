package dev.sockeye.ee;

import dev.sockeye.SockeyeEndpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Sockeye endpoints of each running web application, by the application's class loader, so
 * that CDI producers find those of their application. Entries are added at start-up and removed
 * when the application stops. Thread-safe.
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
     * @param loaders where to look, in order: the application whose loader is one of them (or one
     *                of its parents) is the one; {@code null} entries are skipped
     * @return whether that application's endpoints are registered: {@code false} before its
     *         start-up (a {@code @Startup} EJB is created earlier on some containers), after it
     *         stopped, or when it has no annotated endpoint
     */
    static boolean started(ClassLoader... loaders) {
        return endpointsOf(loaders) != null;
    }

    /**
     * @param loaders as for {@link #started(ClassLoader...)}
     * @return the endpoint at {@code path} of that application
     * @throws IllegalStateException naming the paths that exist when there is no such endpoint, or
     *         saying why there is none when the application's endpoints are not registered
     */
    static SockeyeEndpoint find(String path, ClassLoader... loaders) {
        Map<String, SockeyeEndpoint> endpoints = endpointsOf(loaders);
        if (endpoints == null) {
            throw new IllegalStateException("no Sockeye endpoint at " + path + ": this application's endpoints are not "
                    + "deployed (yet: a @Startup bean may be created before the web application starts; use the "
                    + "registry from a timer or a request instead of at start-up), or it has no annotated endpoint "
                    + "(@EventEndpoint)");
        }
        SockeyeEndpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            throw new IllegalStateException("no Sockeye endpoint at " + path + " in this application; its endpoints: "
                    + endpoints.keySet().stream().sorted().toList());
        }
        return endpoint;
    }

    private static Map<String, SockeyeEndpoint> endpointsOf(ClassLoader... loaders) {
        for (ClassLoader start : loaders) {
            for (ClassLoader loader = start; loader != null; loader = loader.getParent()) {
                Map<String, SockeyeEndpoint> endpoints = BY_APPLICATION.get(loader);
                if (endpoints != null) {
                    return endpoints;
                }
            }
        }
        return null;
    }
}
