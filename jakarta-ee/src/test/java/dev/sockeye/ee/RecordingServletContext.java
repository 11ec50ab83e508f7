package dev.sockeye.ee;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A servlet context stand-in ({@link #proxy}) that records listeners, servlets and filters; its
 * attributes and init parameters are plain maps. Other calls throw.
 */
final class RecordingServletContext {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> initParameters = new HashMap<>();
    final List<Object> listeners = new ArrayList<>();
    final Map<String, Object> servlets = new HashMap<>();
    final Map<String, String> mappings = new HashMap<>();
    /** Filter name to "isMatchAfter patterns", as the filter was mapped. */
    final Map<String, String> filterMappings = new HashMap<>();
    /** The application's class loader: one per context, as in a container. */
    final ClassLoader loader = new ClassLoader(RecordingServletContext.class.getClassLoader()) { };
    final ServletContext proxy = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServletContext.class}, (self, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "getClassLoader" -> loader;
                case "getContextPath" -> "/app";
                case "getInitParameter" -> initParameters.get((String) args[0]);
                case "addListener" -> listeners.add(args[0]) ? null : null;
                case "addServlet" -> registration((String) args[0], args[1]);
                case "addFilter" -> filter((String) args[0], args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** @return the listener Sockeye added (its deployer) */
    ServletContextListener deployer() {
        return (ServletContextListener) listeners.get(0);
    }

    private FilterRegistration.Dynamic filter(String name, Object filter) {
        return (FilterRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FilterRegistration.Dynamic.class}, (self, method, args) -> switch (method.getName()) {
                    case "setAsyncSupported" -> null;
                    case "addMappingForUrlPatterns" -> filterMappings.put(name + "=" + filter.getClass().getSimpleName(),
                            (((Boolean) args[1]) ? "after " : "before ") + List.of((String[]) args[2]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServletRegistration.Dynamic registration(String name, Object servlet) {
        servlets.put(name, servlet);
        return (ServletRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletRegistration.Dynamic.class}, (self, method, args) -> {
                    if (method.getName().equals("addMapping")) {
                        for (String pattern : (String[]) args[0]) {
                            mappings.put(pattern, name);
                        }
                        return Set.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
