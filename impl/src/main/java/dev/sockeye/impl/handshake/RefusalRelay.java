package dev.sockeye.impl.handshake;

/**
 * Carries a refused handshake out of the container's upgrade, to a servlet filter that answers it
 * with its HTTP status, where the container's handshake response cannot carry a status (Undertow,
 * in WildFly). The filter runs the rest of the filter chain, the container's WebSocket filter
 * included, inside {@link #open()}; there {@link SockeyeConfigurator} throws {@link Refusal}
 * instead of letting the upgrade complete. Undertow calls {@code modifyHandshake} on the filter's
 * thread before it writes its 101 response, so nothing has been sent when the filter catches it.
 *
 * <p>Outside such a scope (the embedded server, a container without the filter) nothing is thrown,
 * and a refusal the response cannot carry closes the upgraded session with 1008 instead.
 */
public final class RefusalRelay {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private RefusalRelay() {
    }

    /**
     * Marks the current thread, until the returned scope is closed, as running under a filter that
     * answers a {@link Refusal}.
     */
    public static Scope open() {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        return () -> {
            if (previous == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(previous);
            }
        };
    }

    static boolean active() {
        return ACTIVE.get() != null;
    }

    /** The current thread's relay scope; closing it ends the scope and never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A refused handshake on its way to the filter: the HTTP status to answer with and the reason
     * (for logs only; the handshake error listener has already heard it). It has no stack trace.
     */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;

        Refusal(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        /** @return the HTTP status to answer the upgrade request with */
        public int status() {
            return status;
        }
    }
}
