/**
 * What a module implements to answer keywords at the short codes ({@link org.risala.inbound.spi.KeywordService}),
 * and the reading of a command it gets: {@link org.risala.inbound.spi.CommandParser}, {@link
 * org.risala.inbound.spi.Command}, {@link org.risala.inbound.spi.Language}, and {@link
 * org.risala.inbound.spi.ReplyFitter} to keep a reply within its segments.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.risala.inbound.spi;
