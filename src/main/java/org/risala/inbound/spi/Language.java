package org.risala.inbound.spi;

/** The language a citizen wrote the command in, and so the language of the reply. */
public enum Language {
    EN,
    AR
}
