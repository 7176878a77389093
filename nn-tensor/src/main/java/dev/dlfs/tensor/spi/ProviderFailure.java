package dev.dlfs.tensor.spi;

import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * A provider that was found but could not be used: its class (when known), where it came from (a jar, a module),
 * what went wrong in one line, and the error itself for whoever wants its stack trace.
 *
 * @param kind     what the provider was to provide, e.g. {@code layer type}
 * @param provider the provider's class name, or {@code "?"} when the class could not even be named
 * @param source   the provider's jar (or module, or {@code class path}); empty when unknown
 * @param problem  what went wrong, one line
 * @param error    the error, or null when there is none to show
 */
public record ProviderFailure(String kind, String provider, String source, String problem, Throwable error) {
    /** {@code com.example.Swish (/plugins/swish.jar): its constructor threw IllegalStateException: no licence} */
    @Override
    public String toString() {
        return provider + (source.isEmpty() ? "" : " (" + source + ")") + ": " + problem;
    }

    /** A failure of a provider whose class is known. */
    static ProviderFailure of(String kind, Class<?> provider, String problem, Throwable error) {
        return new ProviderFailure(kind, provider.getName(), sourceOf(provider), problem, error);
    }

    /**
     * Where a class was loaded from: the file of its module's jar when it has one (the plugin's jar), else the
     * module's name, else the class path entry.
     */
    public static String sourceOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            URI location = module.getLayer() == null ? null : module.getLayer().configuration()
                    .findModule(module.getName()).map(ResolvedModule::reference)
                    .flatMap(ref -> ref.location()).orElse(null);
            return location != null && "file".equals(location.getScheme())
                    ? Path.of(location).toString() : "module " + module.getName();
        }
        CodeSource code = type.getProtectionDomain().getCodeSource();
        try {
            return code == null || code.getLocation() == null ? "class path"
                    : Path.of(code.getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return String.valueOf(code.getLocation());
        }
    }

    /**
     * The error in one line, down to its root cause: ServiceLoader's own message ("could not be instantiated")
     * hides the reason, e.g. {@code could not be instantiated: IllegalStateException: no licence}.
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = e.getMessage() == null ? e.getClass().getSimpleName()
                // "dev.dlfs.layers.LayerProvider: Provider com.example.Swish could not be instantiated": the
                // failure names the provider already
                : e.getMessage().replaceFirst("^[\\w.$]+: Provider [\\w.$]+ ", "");
        String line = root == e ? e.getClass().getSimpleName() + ": " + own : own + ": " + root.getClass()
                .getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return line.lines().findFirst().orElse(line).strip();
    }
}
