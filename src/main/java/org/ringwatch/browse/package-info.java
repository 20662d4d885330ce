/**
 * The public browse surface on top of the features: the home page, the states list and a
 * state's page, a city, an agency's page and the name search, and the states API. Each page
 * reads the features below through their read models ({@code AgencyDirectory},
 * {@code RequestList}, the state entities); nothing below imports this package.
 */
package org.ringwatch.browse;
