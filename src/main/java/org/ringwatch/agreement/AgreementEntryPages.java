package org.ringwatch.agreement;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.document.DocumentAccess;

import java.util.Map;

/**
 * "Record an agreement from this document": the agreement form opened from a document, its
 * evidence filled in and the document's pages beside it. It posts to {@link AgreementPages}.
 * A class of its own because its address sits under the document's: a path on
 * {@code /agreements} could not reach it.
 */
@Path("/documents/{id}/agreements")
@Produces(MediaType.TEXT_HTML)
public class AgreementEntryPages {

    private final DocumentAccess documents;
    private final AgreementEditor editor;

    public AgreementEntryPages(DocumentAccess documents, AgreementEditor editor) {
        this.documents = documents;
        this.editor = editor;
    }

    @GET
    @Path("new")
    @Authenticated
    public TemplateInstance start(@PathParam("id") long id) {
        documents.find(id).orElseThrow(NotFoundException::new);
        return editor.create(AgreementFormFields.blank(id), Map.of());
    }
}
