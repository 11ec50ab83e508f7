package dev.sockeye.impl.annotated;

import dev.sockeye.Config;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What the scan of one {@link dev.sockeye.EventEndpoint} class found: its path, its config
 * supplier, and its prepared handler methods. A lifecycle handler the class does not declare is
 * {@code null}. Immutable.
 *
 * @param events the {@code @OnEvent} methods by event name
 */
record EndpointModel(Class<?> type,
                     String path,
                     Class<? extends Supplier<Config>> config,
                     HandlerMethod connect,
                     Map<String, HandlerMethod> events,
                     HandlerMethod nativeMessage,
                     HandlerMethod leave,
                     HandlerMethod disconnect,
                     HandlerMethod error) {

    EndpointModel {
        events = Map.copyOf(events);
    }
}
