package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that fails to load is reported and does not stop the others. */
class PluginLoadingTest {
    private static final String SERVICES = "META-INF/services/" + LayerProvider.class.getName();

    /**
     * Plays a plugin jar on the class path: lists {@link BrokenLayerProvider} as a service and defines that class
     * itself, so it sits in this loader's unnamed module as a class-path plugin would (on the module path the test
     * classes belong to dev.dlfs.layers, whose META-INF/services ServiceLoader ignores).
     */
    private static final class PluginLoader extends ClassLoader {
        private final URL services;

        PluginLoader(URL services) {
            super(LayerProvider.class.getClassLoader());
            this.services = services;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(BrokenLayerProvider.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String file = name.substring(name.lastIndexOf('.') + 1) + ".class";
                    try (InputStream in = BrokenLayerProvider.class.getResourceAsStream(file)) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return c;
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(SERVICES) ? Collections.enumeration(List.of(services)) : super.getResources(name);
        }
    }

    @Test
    void aProviderThatThrowsIsReportedAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("services.txt");
        Files.writeString(services, "# a plugin jar's service list\n" + BrokenLayerProvider.class.getName() + "\n");
        Registry<LayerProvider> r = LayerRegistry.discover(new PluginLoader(services.toUri().toURL()));
        assertEquals(1, r.loadFailures().size(), r.loadFailures().toString());
        String failure = r.loadFailures().get(0).toString();
        assertTrue(failure.contains("BrokenLayerProvider") && failure.contains("could not be instantiated")
                && failure.contains("cannot open swish.bin"), failure);
        // the built-in layers are there, and asking for the broken plugin's type mentions the failure
        LayerContext ctx = new LayerContext(new int[] {4}, DType.FLOAT32, new SplittableRandom(1));
        LayerRegistry.create(r, LayerSpec.of("relu"), ctx);
        OptionException e = assertThrows(OptionException.class, () -> r.get("swish"));
        assertTrue(e.getMessage().contains("1 provider(s) failed to load") && e.getMessage().contains(
                "BrokenLayerProvider"), e.getMessage());
    }
}
