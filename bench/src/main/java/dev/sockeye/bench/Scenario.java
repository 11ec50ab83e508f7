package dev.sockeye.bench;

import java.util.List;

/** One benchmark scenario: runs Sockeye and the raw endpoint and returns the table rows. */
interface Scenario {

    /** @return the short name used by {@code --only} and in the JSON */
    String name();

    /** @return the rows; a scenario that cannot finish returns what it measured and says why */
    List<Row> run(Bench bench) throws Exception;
}
