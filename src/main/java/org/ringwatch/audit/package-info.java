/** The audit log: who changed what, when, from what to what. Read by moderators and admins. */
package org.ringwatch.audit;
