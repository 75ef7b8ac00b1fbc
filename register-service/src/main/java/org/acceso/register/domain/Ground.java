package org.acceso.register.domain;

/** An exemption ground as published: its code, the law's reference, its name in Spanish and English. */
public record Ground(String code, String reference, String name, String nameEn) {
}
