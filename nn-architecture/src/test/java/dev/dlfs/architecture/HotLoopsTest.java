package dev.dlfs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kernels stay plain Java and the Vector API: Guava is welcome for shape checks, readers and API values (any
 * module may use it, nn-tensor included), but a call into a library inside a per-element loop is a cost nobody sees.
 */
class HotLoopsTest {
    /** Every class that uses the Vector API is a kernel, wherever it lives. */
    private static final DescribedPredicate<JavaClass> USES_THE_VECTOR_API = DescribedPredicate.describe(
            "use the Vector API", c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("jdk.incubator.vector")));

    @Test
    void kernelsUseNoGuava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dlfs");
        noClasses().that(USES_THE_VECTOR_API)
                .or().resideInAnyPackage("dev.dlfs.tensor.simd..", "dev.dlfs.tensor.internal..",
                        "dev.dlfs.layers.kernels..", "dev.dlfs.loss.kernels..")
                .should().dependOnClassesThat().resideInAPackage("com.google.common..")
                .because("the hot loops are plain Java and the Vector API; Guava belongs in checks, readers and"
                        + " API values")
                .check(classes);
    }
}
