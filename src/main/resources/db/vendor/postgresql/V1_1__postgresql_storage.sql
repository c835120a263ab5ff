-- PostgreSQL only: leave room in each page so that status changes, which touch no indexed column, are HOT updates
-- (no new index entries, no bloat) on the tables the sending path updates most.
ALTER TABLE outbound_message SET (fillfactor = 80);
ALTER TABLE message_queue SET (fillfactor = 70);
ALTER TABLE message_part SET (fillfactor = 80);
