package dev.sockeye.bench;

/** A scenario could not be measured: a process failed, refused or did not answer in time. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }
}
