package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.ee.SockeyeInitializer;
import dev.sockeye.impl.annotated.AnnotatedEndpoint;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the test WARs: only the classes a test names, and the Sockeye library as {@code WEB-INF/lib}
 * jars (api, impl, jakarta-ee), exactly what a user drops in. The jars are taken from the test's own
 * class path: the reactor's freshly built jars under {@code mvn verify}, or the modules' class
 * folders in an IDE (packed into jars here).
 */
public final class Wars {

    /**
     * GlassFish and Payara load a web application's classes parent-first by default; the embedded
     * servers' parent is the test class path, which holds the same classes. Child-first keeps each
     * deployment's static state (counters, logs) its own.
     */
    private static final String CHILD_FIRST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <glassfish-web-app>
              <class-loader delegate="false"/>
            </glassfish-web-app>
            """;

    private Wars() {
    }

    /**
     * @return a WAR named {@code <name>.war} with the library and {@code classes}; a nested class
     *         brings the class file of its enclosing class (without that class's other nested
     *         classes), which the JVM needs to reflect on it
     */
    public static WebArchive war(String name, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibraries(library())
                .addAsWebInfResource(new StringAsset(CHILD_FIRST), "glassfish-web.xml");
        for (Class<?> type : classes) {
            for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                war.add(new ClassAsset(outer), "WEB-INF/classes/" + outer.getName().replace('.', '/') + ".class");
            }
        }
        return war;
    }

    /** @return the three Sockeye jars a web application needs */
    public static List<JavaArchive> library() {
        List<JavaArchive> jars = new ArrayList<>();
        jars.add(jarOf(EventEndpoint.class, "sockeye-api.jar"));
        jars.add(jarOf(AnnotatedEndpoint.class, "sockeye-impl.jar"));
        jars.add(jarOf(SockeyeInitializer.class, "sockeye-jakarta-ee.jar"));
        return jars;
    }

    private static JavaArchive jarOf(Class<?> member, String name) {
        File location;
        try {
            location = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }
}
