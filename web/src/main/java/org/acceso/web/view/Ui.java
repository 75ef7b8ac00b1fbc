package org.acceso.web.view;

/**
 * What every page's frame needs: the language, where the page is (for the navigation's {@code aria-current} and the
 * language switch), who is signed in and what they may see, their unread notices, and whether the frame may hold forms
 * (not on the page of a path that no page serves: no CSRF token was made for it). {@code auditor} is true for auditors
 * and admins (both keep the calendar); {@code admin} only for admins (the office's admin-only actions).
 */
public record Ui(String lang, String path, String section, boolean signedIn, boolean resident, boolean clerk,
                 boolean coordinator, boolean auditor, String name, String agency, long unread, boolean forms,
                 boolean admin) {
}
