package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;

import java.util.function.Supplier;

/** An annotated endpoint with its own configuration (guide/annotated-endpoints.md). */
final class BigMessages {

    private BigMessages() {
    }

    // tag::config[]
    public static final class UploadConfig implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().maxMessageSize(64 * 1024).build();
        }
    }

    @EventEndpoint(value = "/uploads", config = UploadConfig.class)
    public static class UploadEndpoint {
        @OnEvent("chunk")
        public int chunk(byte[] bytes) {
            return bytes.length;
        }
    }
    // end::config[]
}
