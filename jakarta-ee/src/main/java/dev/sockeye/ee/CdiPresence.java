package dev.sockeye.ee;

/** Whether the CDI API is on the class path and a CDI container serves the current application. */
final class CdiPresence {

    private CdiPresence() {
    }

    static boolean cdiRunning() {
        try {
            Class.forName("jakarta.enterprise.inject.spi.CDI", false, CdiPresence.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return CdiInstances.running();
    }
}
