package dev.sockeye.impl.registry;

/**
 * Told about every change of local membership, after it happened, so that a cluster bus can
 * mirror it. Own-ID rooms are implied by {@link #connected} and {@link #disconnected} and not
 * reported separately. Called on the thread that made the change; must not block.
 */
public interface MembershipListener {

    void connected(String id);

    void joined(String room, String id);

    void left(String room, String id);

    void disconnected(String id);

    /** Ignores everything: a single node. */
    MembershipListener NONE = new MembershipListener() {
        @Override
        public void connected(String id) {
        }

        @Override
        public void joined(String room, String id) {
        }

        @Override
        public void left(String room, String id) {
        }

        @Override
        public void disconnected(String id) {
        }
    };
}
