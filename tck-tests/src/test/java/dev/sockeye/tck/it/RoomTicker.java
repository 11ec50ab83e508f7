package dev.sockeye.tck.it;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;
import dev.sockeye.ee.EndpointPath;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EJB of {@link EjbTimerEmitsToRoomIT} (an EJB class cannot be nested): a {@code @Startup}
 * singleton whose non-persistent interval timer emits a counter to the room {@code ticks} of
 * {@code /ticker} every 100 ms, through the injected registry. It records what the registry said
 * when the singleton was constructed, and whether the timer thread's context class loader is the
 * application's.
 */
@Singleton
@Startup
public class RoomTicker {
    static volatile String atConstruction = "not constructed";
    static volatile Boolean timerLoaderIsApplications;

    @Inject
    @EndpointPath("/ticker")
    ConnectionRegistry ticker;
    @Resource
    TimerService timers;
    private final AtomicInteger ticks = new AtomicInteger();

    @PostConstruct
    void start() {
        try {
            atConstruction = "deployed, " + ticker.count() + " connections";
        } catch (IllegalStateException notYet) {
            atConstruction = notYet.getMessage();
        }
        timers.createIntervalTimer(100, 100, new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        timerLoaderIsApplications = Thread.currentThread().getContextClassLoader() == RoomTicker.class.getClassLoader();
        ticker.to(Target.room("ticks")).emit("tick", ticks.incrementAndGet());
    }
}
