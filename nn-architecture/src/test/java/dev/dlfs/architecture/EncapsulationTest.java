package dev.dlfs.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside a module touches its non-exported packages, or a package exported only to other modules (such
 * as {@code dev.dlfs.tensor.fused}, the fused kernels kept for the framework's own modules). The exports are read
 * from the compiled {@code module-info.class} of each dlfs jar, so this rule follows the descriptors rather than a
 * copy of them.
 */
class EncapsulationTest {

    /** Module name to descriptor, for every dlfs module on the test class path. */
    private static Map<String, ModuleDescriptor> dlfsModules() {
        Map<String, ModuleDescriptor> out = new TreeMap<>();
        try {
            for (URL url : Collections.list(EncapsulationTest.class.getClassLoader().getResources("module-info.class"))) {
                try (InputStream in = url.openStream()) {
                    ModuleDescriptor d = ModuleDescriptor.read(in);
                    if (d.name().startsWith("dev.dlfs.")) {
                        out.put(d.name(), d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The module whose name is the longest prefix of the class's package (modules are named after their root package). */
    static String owningModule(JavaClass c, Map<String, ModuleDescriptor> modules) {
        String pkg = c.getPackageName();
        String best = null;
        for (String name : modules.keySet()) {
            if ((pkg.equals(name) || pkg.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    /** Every dependency from one module into a package that another module does not export to it. */
    static List<String> violations(JavaClasses classes, Map<String, ModuleDescriptor> modules) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            String from = owningModule(origin, modules);
            for (Dependency dep : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dep.getTargetClass();
                String to = owningModule(target, modules);
                if (to == null || to.equals(from)) {
                    continue;
                }
                boolean exported = modules.get(to).exports().stream()
                        .anyMatch(e -> e.source().equals(target.getPackageName())
                                && (!e.isQualified() || e.targets().contains(from)));
                if (!exported) {
                    violations.add(dep.getDescription() + " — package " + target.getPackageName()
                            + " is not exported by " + to + (from == null ? "" : " to " + from));
                }
            }
        }
        return violations;
    }

    @Test
    void everyLibraryModuleIsFound() {
        Map<String, ModuleDescriptor> modules = dlfsModules();
        for (String m : List.of("dev.dlfs.tensor", "dev.dlfs.layers", "dev.dlfs.loss", "dev.dlfs.optim",
                "dev.dlfs.data", "dev.dlfs.model", "dev.dlfs.examples")) {
            assertFalse(!modules.containsKey(m), "module descriptor of " + m + " not found; found " + modules.keySet());
        }
    }

    @Test
    void noClassUsesAnotherModulesNonExportedPackages() {
        Map<String, ModuleDescriptor> modules = dlfsModules();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dlfs");
        List<String> violations = violations(classes, modules);
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleSeesAUseOfANonExportedPackage() {
        Map<String, ModuleDescriptor> fixture = Map.of(
                "dev.dlfs.architecture.fixture.lib", ModuleDescriptor.newModule("dev.dlfs.architecture.fixture.lib")
                        .exports("dev.dlfs.architecture.fixture.lib").build(),
                "dev.dlfs.architecture.fixture.app", ModuleDescriptor.newModule("dev.dlfs.architecture.fixture.app")
                        .build());
        JavaClasses classes = new ClassFileImporter().importPackages("dev.dlfs.architecture.fixture");
        List<String> found = violations(classes, fixture);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("fixture.lib.internal"), found.get(0));
    }

    @Test
    void aQualifiedExportOpensAPackageToItsTargetsOnly() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.dlfs.architecture.fixture");
        String lib = "dev.dlfs.architecture.fixture.lib";
        String app = "dev.dlfs.architecture.fixture.app";
        for (String target : List.of(app, "dev.dlfs.architecture.fixture.other")) {
            Map<String, ModuleDescriptor> fixture = Map.of(
                    lib, ModuleDescriptor.newModule(lib).exports(lib)
                            .exports(lib + ".internal", Set.of(target)).build(),
                    app, ModuleDescriptor.newModule(app).build());
            assertEquals(target.equals(app) ? 0 : 1, violations(classes, fixture).size(), "exported to " + target);
        }
    }
}
