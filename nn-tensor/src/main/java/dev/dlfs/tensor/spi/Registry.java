package dev.dlfs.tensor.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Providers of one plugin kind (layers, losses, optimizers, data sources) by name: discovered through a
 * {@link ServiceLoader} and open to explicit registration.
 *
 * <p>Names match case-insensitively and ignore {@code -} and {@code _}, so {@code softmax-with-loss},
 * {@code softmax_with_loss} and {@code SoftmaxWithLoss} are one name. Two providers claiming one name is an error
 * naming both classes; a provider found by a {@code ServiceLoader} that fails to load, claims odd names or a name
 * already taken is recorded in {@link #loadFailures()} and does not stop the others. A provider that returns null or
 * fails unexpectedly while making an item is a {@link BrokenProviderException} naming its class and jar.
 *
 * <pre>{@code
 * Registry<LossProvider> losses =
 *         Registry.load("loss function", ServiceLoader.load(LossProvider.class), LossProvider::names);
 * Loss huber = losses.create("loss", "huber", options, LossProvider::create);   // unread options are refused
 * }</pre>
 *
 * <p>The {@code ServiceLoader} is created by the caller because a module may only load services it declares in
 * {@code uses}.
 *
 * @param <P> the provider interface
 */
public final class Registry<P> {
    private static final Pattern PROVIDER_IN_MESSAGE = Pattern.compile("Provider ([\\w.$]+)");
    private final String kind;
    private final Function<P, ? extends Collection<String>> namesOf;
    private final Map<String, Entry<P>> byKey = new TreeMap<>();
    private final List<ProviderFailure> failures = new ArrayList<>();

    private record Entry<P>(String name, P provider) {
    }

    private Registry(String kind, Function<P, ? extends Collection<String>> namesOf) {
        this.kind = kind;
        this.namesOf = namesOf;
    }

    /** An empty registry; {@code kind} names what it holds in messages, e.g. {@code "layer type"}. */
    public static <P> Registry<P> empty(String kind, Function<P, ? extends Collection<String>> namesOf) {
        return new Registry<>(kind, namesOf);
    }

    /** A registry holding every provider {@code loader} finds; those that cannot be used are recorded instead. */
    public static <P> Registry<P> load(String kind, ServiceLoader<P> loader,
                                       Function<P, ? extends Collection<String>> namesOf) {
        Registry<P> r = new Registry<>(kind, namesOf);
        r.addAll(loader, p -> true);
        return r;
    }

    /**
     * Registers, as {@link #add} does, every provider {@code loader} finds that {@code which} accepts (e.g. those of
     * one module layer); returns how many were registered. A provider the loader cannot even name is recorded too.
     */
    public int addAll(ServiceLoader<P> loader, Predicate<ServiceLoader.Provider<P>> which) {
        int added = 0;
        var it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<P> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                recordFailure(new ProviderFailure(kind, providerNamedIn(e), "", ProviderFailure.describe(e), e));
                continue;
            }
            boolean wanted;
            try {
                wanted = which.test(p);
            } catch (ServiceConfigurationError | LinkageError e) {
                recordFailure(new ProviderFailure(kind, "?", "", ProviderFailure.describe(e), e));
                continue;
            }
            if (wanted && add(p)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Registers a provider a {@link ServiceLoader} found, if it can be used: it must be created without error and
     * claim sensible names that no registered provider claims. Otherwise the reason is recorded in
     * {@link #loadFailures()}, the registry is left as it was, and the answer is false.
     */
    public boolean add(ServiceLoader.Provider<P> found) {
        Class<?> type;
        try {
            type = found.type();
        } catch (ServiceConfigurationError | LinkageError e) {
            recordFailure(new ProviderFailure(kind, "?", "", ProviderFailure.describe(e), e));
            return false;
        }
        try {
            P provider = found.get();
            if (provider == null) {
                recordFailure(ProviderFailure.of(kind, type, "its provider method returned null", null));
                return false;
            }
            register(provider);
            return true;
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            recordFailure(ProviderFailure.of(kind, type, ProviderFailure.describe(e), e));
            return false;
        }
    }

    /** Records a provider that was found but cannot be used (listed by {@link #loadFailures()}). */
    public synchronized void recordFailure(ProviderFailure failure) {
        failures.add(failure);
    }

    /** The provider class a ServiceLoader error names ({@code "Provider com.example.Swish not found"}), or "?". */
    private static String providerNamedIn(ServiceConfigurationError e) {
        Matcher m = PROVIDER_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "?";
    }

    /** Adds a provider under every name it claims; a name already taken is an error naming both classes. */
    public synchronized Registry<P> register(P provider) {
        Collection<String> names = namesOf.apply(provider);
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(provider.getClass().getName() + " claims no " + kind + " name");
        }
        for (String name : names) {
            if (!sensible(name)) {
                throw new IllegalArgumentException(provider.getClass().getName() + " claims the " + kind + " name "
                        + (name == null ? "null" : "'" + name + "'") + "; a name is letters, digits, '-', '_' and '.',"
                        + " with at least one letter or digit");
            }
        }
        for (String name : names) {
            Entry<P> existing = byKey.get(key(name));
            if (existing != null && existing.provider() != provider) {
                throw new IllegalStateException(kind + " '" + name + "' is claimed by two providers: "
                        + existing.provider().getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        for (String name : names) {
            byKey.put(key(name), new Entry<>(name, provider));
        }
        return this;
    }

    /** The provider for {@code name}, or an {@link OptionException} listing the known names and the nearest one. */
    public synchronized P get(String name) {
        return find(name).orElseThrow(() -> new OptionException("type", unknownMessage(name)));
    }

    /**
     * Creates the item {@code name} names, the one way every plugin kind is created: finds its provider (or fails
     * listing the known names), lets it build the item from {@code options}, receiving the name as the provider
     * declares it ({@code Fashion_MNIST} arrives as {@code fashion-mnist}), then refuses every option the provider did
     * not read, e.g. {@code loss 'huber': unknown option 'detla'; …}. Providers therefore never check for unknown
     * options themselves.
     *
     * @param item what the item is called in messages, e.g. {@code loss}
     */
    public <T, X extends Exception> T create(String item, String name, Options options,
                                             Creation<? super P, ? extends T, X> creation) throws X {
        P provider = get(name);
        String declared = declaredName(provider, name);
        T created;
        try {
            created = creation.create(provider, declared, options);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                 | ArithmeticException e) {
            throw e; // how a provider refuses its options or an input it cannot take: the message says why
        } catch (RuntimeException | LinkageError e) {
            throw new BrokenProviderException(ProviderFailure.of(kind, provider.getClass(),
                    "failed to make " + item + " '" + declared + "': " + ProviderFailure.describe(e), e));
        }
        if (created == null) {
            throw new BrokenProviderException(ProviderFailure.of(kind, provider.getClass(),
                    "returned null for " + item + " '" + declared + "'", null));
        }
        options.rejectUnknown(item + " '" + declared + "'");
        return created;
    }

    /** Letters, digits, '-', '_' and '.', with a letter or digit: nothing blank, padded or odd. */
    private static boolean sensible(String name) {
        return name != null && name.matches("[\\p{L}\\p{N}_.-]+")
                && name.chars().anyMatch(Character::isLetterOrDigit);
    }

    /** How {@link #create} asks a provider for one item: {@code (provider, name, options) -> item}. */
    @FunctionalInterface
    public interface Creation<P, T, X extends Exception> {
        T create(P provider, String name, Options options) throws X;
    }

    private String declaredName(P provider, String asked) {
        for (String declared : namesOf.apply(provider)) {
            if (key(declared).equals(key(asked))) {
                return declared;
            }
        }
        return asked;
    }

    /** The provider for {@code name}, if any. */
    public synchronized Optional<P> find(String name) {
        Entry<P> e = name == null ? null : byKey.get(key(name));
        return e == null ? Optional.empty() : Optional.of(e.provider());
    }

    /** {@code unknown layer type 'relu2'; known layer types: affine, …; did you mean 'relu'?} */
    public synchronized String unknownMessage(String name) {
        List<String> known = names();
        String hint = Suggestions.didYouMean(String.valueOf(name), known);
        String failed = failures.isEmpty() ? "" : " (" + failures.size() + " provider(s) failed to load: "
                + String.join("; ", failures.stream().map(ProviderFailure::toString).toList()) + ")";
        return "unknown " + kind + " '" + name + "'; known " + kind + "s: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)) + hint + failed;
    }

    /** Every registered name, sorted. */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        byKey.values().forEach(e -> out.add(e.name()));
        Collections.sort(out);
        return out;
    }

    /** Name to provider, sorted by name. */
    public synchronized Map<String, P> providers() {
        Map<String, P> out = new TreeMap<>();
        byKey.values().forEach(e -> out.put(e.name(), e.provider()));
        return Collections.unmodifiableMap(out);
    }

    /** The providers that were found but could not be used, and why (empty when all loaded). */
    public synchronized List<ProviderFailure> loadFailures() {
        return List.copyOf(failures);
    }

    /** What this registry holds, e.g. {@code layer type}. */
    public String kind() {
        return kind;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }
}
