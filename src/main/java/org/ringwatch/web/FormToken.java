package org.ringwatch.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token this page's forms carry: {@code inject:formToken} in the csrf tag. rest-csrf
 * issues one for every page it serves, but none on a request it refused for lacking one, and
 * its own {@code inject:csrf.token} then throws: the page that explains the refusal would fail
 * in its layout's sign-out form. Here that form simply goes without a token, and is refused in
 * turn if sent, while the page itself renders.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    private final CsrfTokenParameterProvider csrf;

    public FormToken(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    public String getName() {
        return csrf.getParameterName();
    }

    /** @return the token, or null on a request refused for lacking one */
    public String getValue() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException refused) {
            return null;
        }
    }
}
