package nl.werkdesk.testing;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/** Reads init args when Quarkus hands a test resource the meta-annotation that declared it instead of the args. */
final class ResourceArgs {

    private ResourceArgs() {
    }

    /** The initArgs of the {@code @WithTestResource(resource)} on this meta-annotation; empty if there is none. */
    static Map<String, String> declaredOn(Annotation metaAnnotation, Class<?> resource) {
        return Arrays.stream(metaAnnotation.annotationType().getAnnotationsByType(WithTestResource.class))
                .filter(declaration -> declaration.value() == resource)
                .findFirst()
                .map(declaration -> Arrays.stream(declaration.initArgs())
                        .collect(Collectors.toMap(ResourceArg::name, ResourceArg::value)))
                .orElse(Map.of());
    }
}
