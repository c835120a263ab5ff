-- PostgreSQL only: half of each new page left free on the tables the sending path updates. A message is stored in a
-- batch, so a whole page of messages is marked SUBMITTED at about the same time, and each new row version needs room
-- on its own page to be a HOT update (no new entries in the six indexes of outbound_message). At fillfactor 80 only a
-- third of these updates were HOT; at 50 nearly all are, and the final status reuses the room the SUBMITTED version
-- left once it is pruned. The price is disk: these tables take about twice the pages. Existing pages keep their fill.
ALTER TABLE outbound_message SET (fillfactor = 50);
ALTER TABLE message_part SET (fillfactor = 50);
ALTER TABLE message_queue SET (fillfactor = 50);
