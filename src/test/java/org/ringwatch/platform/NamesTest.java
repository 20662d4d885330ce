package org.ringwatch.platform;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NamesTest {

    private static final String NFC = "Ca\u00f1on City";
    private static final String NFD = "Can\u0303on City";

    @Test
    void shouldStoreNfcWhicheverFormArrives() {
        assertEquals(NFC, Names.clean(NFD));
        assertEquals(NFC, Names.clean(NFC));
        assertEquals(Normalizer.Form.NFC.name(), Normalizer.isNormalized(Names.clean(NFD), Normalizer.Form.NFC)
                ? "NFC" : "not NFC");
    }

    @Test
    void shouldDropInvisibleMarksAndExtraSpace() {
        assertEquals("Harris County", Names.clean("\u200eHarris  County\u200e "));
        assertNull(Names.clean(null));
    }

    @Test
    void shouldMakeOneSlugForBothUnicodeForms() {
        assertEquals("canon-city", Names.slug(NFC));
        assertEquals("canon-city", Names.slug(NFD));
        assertEquals("st-johns-county-sheriffs-office", Names.slug("St. Johns County Sheriff's Office"));
        assertEquals("coeur-dalene", Names.slug("Coeur d’Alene"));
        assertEquals("script-alert-1-script", Names.slug("<script>alert(1)</script>"));
    }
}
