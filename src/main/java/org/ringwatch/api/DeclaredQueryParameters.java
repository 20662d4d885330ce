package org.ringwatch.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every API endpoint takes only the query parameters its method declares. JAX-RS ignores the
 * others, so a misspelt filter ({@code updated_sinse}) would quietly answer the unfiltered list
 * and a script would never know; here it is a 400 naming the parameter and listing the ones the
 * endpoint takes. A declared parameter given twice, or a number or boolean that is not one, is
 * refused the same way instead of being read as its first value or as {@code false}.
 *
 * <p>What a method declares ({@code @QueryParam}, {@code @RestQuery}, and those inside a
 * {@code @BeanParam}) is read once per method, so the check costs a map look-up per request.
 */
public class DeclaredQueryParameters {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One declared query parameter: its name and the Java type its value is converted to. */
    record Declared(String name, Class<?> type) {

        boolean repeatable() {
            return Collection.class.isAssignableFrom(type) || type.isArray();
        }

        /** Null when the value converts to the declared type, else what a good one looks like. */
        String problemWith(String value) {
            if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false") ? null : "true or false";
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return WHOLE_NUMBER.matcher(value).matches() ? null : "a whole number";
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return DECIMAL.matcher(value).matches() ? null : "a number";
            }
            return null;
        }
    }

    private final Map<Method, Map<String, Declared>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !isApi(request.getUriInfo().getPath())) {
            return;
        }
        Map<String, Declared> takes = declared.computeIfAbsent(method, DeclaredQueryParameters::declaredBy);
        Map<String, List<String>> given = request.getUriInfo().getQueryParameters();
        List<String> unknown = given.keySet().stream().filter(name -> !takes.containsKey(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badParameter(unknown.get(0), (unknown.size() == 1
                    ? "Unknown query parameter '" + unknown.get(0) + "'."
                    : "Unknown query parameters '" + String.join("', '", unknown) + "'.")
                    + (takes.isEmpty() ? " This endpoint takes no query parameters."
                    : " This endpoint takes: " + String.join(", ", takes.keySet()) + "."));
        }
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            Declared wanted = takes.get(parameter.getKey());
            List<String> values = parameter.getValue();
            if (values.size() > 1 && !wanted.repeatable()) {
                throw ApiProblem.badParameter(wanted.name(), wanted.name() + " is given " + values.size()
                        + " times; give it once.");
            }
            for (String value : values) {
                String problem = value.isEmpty() ? null : wanted.problemWith(value);
                if (problem != null) {
                    throw ApiProblem.badParameter(wanted.name(), wanted.name() + " must be " + problem + "; got '"
                            + value + "'.");
                }
            }
        }
    }

    static boolean isApi(String path) {
        return path != null && path.startsWith("/api/");
    }

    /** The query parameters a resource method takes, in the order it declares them. */
    static Map<String, Declared> declaredBy(Method method) {
        Map<String, Declared> names = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            add(names, parameter, parameter.getName(), parameter.getType());
        }
        return Collections.unmodifiableMap(names);
    }

    private static void add(Map<String, Declared> names, AnnotatedElement element, String javaName, Class<?> type) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        if (query != null) {
            names.put(query.value(), new Declared(query.value(), type));
        } else if (restQuery != null) {
            String name = restQuery.value().isEmpty() ? javaName : restQuery.value();
            names.put(name, new Declared(name, type));
        } else if (element.isAnnotationPresent(BeanParam.class)) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    add(names, field, field.getName(), field.getType());
                }
            }
        }
    }
}
