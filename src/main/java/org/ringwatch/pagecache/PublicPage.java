package org.ringwatch.pagecache;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page that shows every visitor who is not signed in the same thing, from data only (and the
 * date): it may be rendered once and served from {@link RenderedPages} until the data changes.
 * Mark only pages whose every part comes from the database through statements that notify on
 * change (V17) and from the address; a page rendering a form is never kept (its token is the
 * visitor's), whatever it is marked.
 */
@NameBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicPage {
}
