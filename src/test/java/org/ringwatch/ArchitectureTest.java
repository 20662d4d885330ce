package org.ringwatch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages form a stack that reads one way: each feature reads only those below it, a parent
 * lists its children through a read model the child offers, and resources (pages and API) hold
 * no SQL and never call one another. An import against it fails here, naming the class and line.
 */
class ArchitectureTest {

    /** Generic Panache queries: a resource asks the model for a named thing instead. */
    private static final Set<String> PANACHE_QUERIES = Set.of("find", "findAll", "findById", "findByIdOptional",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update",
            "getEntityManager");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ringwatch");
    }

    @Test
    void shouldKeepTheFeaturesAOneWayStack() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("org.ringwatch.platform..")
                .layer("plumbing").definedBy("org.ringwatch.api..", "org.ringwatch.web..", "org.ringwatch.audit..",
                        "org.ringwatch.account..", "org.ringwatch.pagecache..")
                .layer("state").definedBy("org.ringwatch.state..")
                .layer("agency").definedBy("org.ringwatch.agency..")
                .layer("request").definedBy("org.ringwatch.request..")
                .layer("document").definedBy("org.ringwatch.document..")
                .layer("agreement").definedBy("org.ringwatch.agreement..")
                .layer("dump").definedBy("org.ringwatch.dump..")
                .layer("top").definedBy("org.ringwatch.search..", "org.ringwatch.browse..", "org.ringwatch.seed..",
                        "org.ringwatch.app..", "org.ringwatch.feed..", "org.ringwatch.review..", "org.ringwatch.backup..")
                .whereLayer("platform").mayNotAccessAnyLayer()
                .whereLayer("plumbing").mayOnlyAccessLayers("platform")
                .whereLayer("state").mayOnlyAccessLayers("plumbing", "platform")
                .whereLayer("agency").mayOnlyAccessLayers("state", "plumbing", "platform")
                .whereLayer("request").mayOnlyAccessLayers("agency", "state", "plumbing", "platform")
                .whereLayer("document").mayOnlyAccessLayers("request", "agency", "state", "plumbing", "platform")
                .whereLayer("agreement").mayOnlyAccessLayers("document", "request", "agency", "state", "plumbing",
                        "platform")
                .whereLayer("dump").mayOnlyAccessLayers("agreement", "document", "request", "agency", "state",
                        "plumbing", "platform")
                .check(classes);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("org.ringwatch.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldNotLetOneResourceCallAnother() {
        classes().that(areResources()).should(new ArchCondition<>("not depend on another *Pages or *Api class") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                String own = topLevel(resource).getName();
                for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
                    JavaClass target = topLevel(dependency.getTargetClass().getBaseComponentType());
                    if (isResourceName(target) && !target.getName().equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).allowEmptyShould(false).check(classes);
    }

    @Test
    void shouldKeepQueriesOutOfResources() {
        noClasses().that(areInsideHttpResources()).should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class).orShould().dependOnClassesThat().areAssignableTo(Query.class)
                .orShould().callMethodWhere(genericPanacheQuery())
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> areResources() {
        return DescribedPredicate.describe("are *Pages or *Api classes or nested in one",
                c -> isResourceName(topLevel(c)));
    }

    private static DescribedPredicate<JavaClass> areInsideHttpResources() {
        return DescribedPredicate.describe("are annotated @Path or nested in such a class",
                c -> topLevel(c).isAnnotatedWith(Path.class));
    }

    private static DescribedPredicate<JavaCall<?>> genericPanacheQuery() {
        return DescribedPredicate.describe("a generic Panache query (" + PANACHE_QUERIES + ")",
                call -> PANACHE_QUERIES.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(PanacheEntityBase.class));
    }

    private static boolean isResourceName(JavaClass c) {
        return c.getSimpleName().endsWith("Pages") || c.getSimpleName().endsWith("Api");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
